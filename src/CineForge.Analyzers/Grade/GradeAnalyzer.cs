using System.Collections.Generic;
using System.Linq;
using CineForge.Analyzers.Reading;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Grade;

/// <summary>CF0601–CF0606: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GradeAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public GradeAnalyzer()
        : base(RuleFamily.Grade)
    {
    }

    private protected override bool ReadsFilms => true;

    private protected override void AnalyzeFilm(FilmSite site)
    {
        var film = site.Film;
        if (!film.Grade.IsKnown)
        {
            return;
        }

        var steps = film.Grade.Value;
        var exposure = steps.IndexOf(steps.FirstOrDefault(s => s.Kind == GradeStepKind.Exposure)!);
        var harmonize = steps.IndexOf(steps.FirstOrDefault(s => s.Kind == GradeStepKind.Harmonize)!);
        for (var index = 0; index < steps.Length; index++)
        {
            var step = steps[index];
            if (!GradeOrder.IsLook(step.Kind))
            {
                continue;
            }

            if (exposure < 0 || index < exposure)
            {
                site.Report(RuleIds.CF0601, step.Source, site.Subject, GradeOrder.DisplayName(step.Kind));
            }

            if (harmonize < 0 || index < harmonize)
            {
                site.Report(RuleIds.CF0606, step.Source, site.Subject, GradeOrder.DisplayName(step.Kind));
            }
        }

        if (OutOfOrder(steps) is { } pair)
        {
            site.Report(RuleIds.CF0602, pair.Late.Source, site.Subject, GradeOrder.DisplayName(pair.Early.Kind), GradeOrder.DisplayName(pair.Late.Kind));
        }

        if (steps.FirstOrDefault(s => s.Kind == GradeStepKind.Sharpen) is { } sharpen)
        {
            site.Report(RuleIds.CF0603, sharpen.Source, site.Subject);
        }

        foreach (var (excess, at) in Excesses(steps))
        {
            site.Report(RuleIds.CF0604, at, site.Subject, excess);
        }

        if (film.Exports.IsKnown)
        {
            var hasGrain = steps.Any(s => s.Kind == GradeStepKind.Grain);
            foreach (var target in film.Exports.Value.Where(t => t.Kind != ExportKind.Master))
            {
                if (!target.Headroom.IsKnown)
                {
                    continue;
                }

                var lacking = new List<string>();
                if (!hasGrain)
                {
                    lacking.Add(MessageParts.Grain);
                }

                if (!target.Headroom.Value)
                {
                    lacking.Add(MessageParts.HighlightHeadroom);
                }

                if (lacking.Count > 0)
                {
                    site.Report(RuleIds.CF0605, target.Source, site.Subject, MessageParts.Export(target.Kind), MessageParts.JoinLacking(lacking));
                }
            }
        }
    }

    /// <summary>The first primary step written after one it must precede (the same pair validation names).</summary>
    internal static (GradeStepModel Early, GradeStepModel Late)? OutOfOrder(IReadOnlyList<GradeStepModel> steps)
    {
        var seen = new List<GradeStepModel>();
        foreach (var step in steps)
        {
            var rank = GradeOrder.RankOf(step.Kind);
            if (rank < 0)
            {
                continue;
            }

            if (seen.FirstOrDefault(s => GradeOrder.RankOf(s.Kind) > rank) is { } later)
            {
                return (later, step);
            }

            seen.Add(step);
        }

        return null;
    }

    private static IEnumerable<(string Excess, SyntaxNode At)> Excesses(IReadOnlyList<GradeStepModel> steps)
    {
        var looks = steps.Where(s => GradeOrder.IsLook(s.Kind)).ToList();
        if (looks.Count > 1)
        {
            yield return (MessageParts.StackedLooks(looks.Count), looks[1].Source);
        }

        foreach (var look in looks.Where(l => l.Amount.IsKnown && l.Amount.Value > Recommended.MaxLookStrength + 1e-9))
        {
            yield return (MessageParts.HeavyLook(look.Kind, look.Amount.Value), look.Source);
        }

        foreach (var repeated in steps.Where(s => GradeOrder.RankOf(s.Kind) >= 0).GroupBy(s => s.Kind).Where(g => g.Count() > 1))
        {
            yield return (MessageParts.Repeated(repeated.Key, repeated.Count()), repeated.ElementAt(1).Source);
        }

        foreach (var grain in steps.Where(s => s.Kind == GradeStepKind.Grain && s.Amount.IsKnown && s.Amount.Value > Recommended.MaxLightGrain + 1e-9))
        {
            yield return (MessageParts.HeavyGrain(grain.Amount.Value), grain.Source);
        }
    }
}
