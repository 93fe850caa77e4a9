using System.Collections.Generic;
using System.Linq;
using CineForge.Analyzers.Reading;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Analyzers;

/// <summary>The end of a shot chain: the shot as read, and the span of calls written in this chain.</summary>
internal sealed class ShotSite
{
    private readonly PlanScope context;
    private readonly PlanReader reader;
    private readonly IInvocationOperation chain;
    private string? subject;

    public ShotSite(PlanScope context, PlanReader reader, IInvocationOperation chain, ShotModel shot)
    {
        this.context = context;
        this.reader = reader;
        this.chain = chain;
        Shot = shot;
    }

    public ShotModel Shot { get; }

    /// <summary>"Shot #2 'waits'" when the chain is placed in a film whose shots before it are known; shorter otherwise.</summary>
    public string Subject => subject ??= Describe();

    /// <summary>True when <paramref name="value"/> is a constant set by a call of this chain (values set elsewhere are reported where they are set).</summary>
    public bool SetHere<T>(Known<T> value) => value.IsKnown && value.Source is { } source && source.SyntaxTree == chain.Syntax.SyntaxTree && chain.Syntax.Span.Contains(source.Span);

    public bool SetHere(SyntaxNode? source) => source is not null && source.SyntaxTree == chain.Syntax.SyntaxTree && chain.Syntax.Span.Contains(source.Span);

    public void Report(string ruleId, SyntaxNode at, params object?[] args) =>
        context.Report(Diagnostic.Create(Descriptors.Get(ruleId), PlanAnalyzer.Locate(at), args));

    /// <summary>Reports what a rule's check found, at <paramref name="at"/>.</summary>
    public void Report(RuleFinding found, SyntaxNode at) => Report(found.RuleId, at, found.WithSubject(Subject));

    /// <summary>Reports what a rule's check found, with what its code fix writes.</summary>
    public void Report(RuleFinding found, SyntaxNode at, FixHint fix) => Report(found.RuleId, at, fix, found.WithSubject(Subject));

    /// <summary>Reports a diagnostic whose code fix is known: <paramref name="fix"/> says what the fix writes.</summary>
    public void Report(string ruleId, SyntaxNode at, FixHint fix, params object?[] args) =>
        context.Report(Diagnostic.Create(Descriptors.Get(ruleId), PlanAnalyzer.Locate(at), fix.Properties, args));

    /// <summary>The shot's value followed by each variant's constant override, distinct by value (as run-time validation lists them).</summary>
    public IEnumerable<Known<T>> WithVariants<T>(Known<T> value, string setting, System.Func<object, T> convert)
    {
        if (Shot.Variants is { IsKnown: true, Value.IsEmpty: true })
        {
            // Most shots: no variants, one value. A 500-shot film asks this thousands of times.
            return value.IsKnown ? new[] { value } : System.Array.Empty<Known<T>>();
        }

        var values = new List<Known<T>> { value };
        if (Shot.Variants.IsKnown)
        {
            foreach (var variant in Shot.Variants.Value)
            {
                if (variant.Changes.IsKnown && variant.Changes.Value.FirstOrDefault(c => c.Setting == setting) is { Value.IsKnown: true } change)
                {
                    values.Add(Known<T>.Of(convert(change.Value.Value), change.Value.Source));
                }
            }
        }

        return values.Where(v => v.IsKnown).GroupBy(v => v.Value).Select(g => g.FirstOrDefault(SetHere) is { IsKnown: true } here ? here : g.First());
    }

    public static double AsDouble(object value) => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private string Describe()
    {
        var index = Index();
        var name = Shot.Name;
        return (index, name.IsKnown) switch
        {
            ({ } i, true) => Subjects.Shot(i, name.Value),
            ({ } i, false) => Subjects.Shot(i),
            (null, true) => Subjects.Shot(name.Value),
            _ => Subjects.AnyShot,
        };
    }

    private int? Index()
    {
        var parent = Ops.Parent(chain);
        var position = 0;
        if (parent is IArrayInitializerOperation initializer)
        {
            position = initializer.ElementValues.IndexOf(initializer.ElementValues.First(e => Ops.Strip(e) == chain));
            parent = Ops.Parent(initializer.Parent!);
        }

        if (parent is IArgumentOperation { Parent: IInvocationOperation placing }
            && reader.Types.Method(placing.TargetMethod).Kind is SdkMethod.FilmShot or SdkMethod.FilmShots
            && Ops.Receiver(placing) is { } film
            && reader.Film(film, context.Model, context.CancellationToken).Shots is { IsKnown: true } before)
        {
            return before.Value.Count + position;
        }

        return null;
    }
}

/// <summary>A finished film: the film as read, and where its film-wide diagnostics point.</summary>
internal sealed class FilmSite
{
    private readonly PlanScope context;

    public FilmSite(PlanScope context, PlanReader reader, FilmModel film, SyntaxNode anchor)
    {
        this.context = context;
        Reader = reader;
        Film = film;
        Anchor = film.Root ?? anchor;
        Subject = film.Title.IsKnown ? Subjects.Film(film.Title.Value) : Subjects.AnyFilm;
    }

    public PlanReader Reader { get; }

    public FilmModel Film { get; }

    /// <summary>Where a film-wide diagnostic points when no call is to blame: Film.Titled(...).</summary>
    public SyntaxNode Anchor { get; }

    public string Subject { get; }

    public static string ShotSubject(PlacedShot placed) =>
        placed.Shot.Name.IsKnown ? Subjects.Shot(placed.Index, placed.Shot.Name.Value) : Subjects.Shot(placed.Index);

    public void Report(string ruleId, SyntaxNode at, params object?[] args) =>
        context.Report(Diagnostic.Create(Descriptors.Get(ruleId), PlanAnalyzer.Locate(at), args));

    /// <summary>Reports what a rule's check found on the film, at <paramref name="at"/>.</summary>
    public void Report(RuleFinding found, SyntaxNode at) => Report(found.RuleId, at, found.WithSubject(Subject));

    /// <summary>Reports on a whole expression (a shot argument), not just its last call.</summary>
    public void ReportOn(string ruleId, SyntaxNode at, params object?[] args) =>
        context.Report(Diagnostic.Create(Descriptors.Get(ruleId), at.GetLocation(), args));

    /// <summary>Reports what a rule's check found on a placed shot, on the whole shot argument.</summary>
    public void ReportOn(RuleFinding found, PlacedShot placed) => ReportOn(found.RuleId, placed.Argument, found.WithSubject(ShotSubject(placed)));

    /// <summary>Reports what a rule's check found on a placed shot, on the whole shot argument, with what its code fix writes.</summary>
    public void ReportOn(RuleFinding found, PlacedShot placed, FixHint fix) => ReportOn(found.RuleId, placed.Argument, fix, found.WithSubject(ShotSubject(placed)));

    /// <summary>Reports on a whole expression, with what its code fix writes.</summary>
    public void ReportOn(string ruleId, SyntaxNode at, FixHint fix, params object?[] args) =>
        context.Report(Diagnostic.Create(Descriptors.Get(ruleId), at.GetLocation(), fix.Properties, args));
}
