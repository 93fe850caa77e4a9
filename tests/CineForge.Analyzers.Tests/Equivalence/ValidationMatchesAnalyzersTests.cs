using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using CineForge.Analyzers.Tests.Catalog;
using CineForge.Analyzers.Tests.Verifiers;
using CineForge.Rules;
using CineForge.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Tests.Equivalence;

/// <summary>
/// Each rule is checked once, in the rules library; validation and the analyzers only place what it
/// finds. These tests hold them to it: every flagged film of a family's rule tests (and the clean
/// film) is compiled with all the analyzers and also run and validated, and both must report the
/// same rule ids with the same messages; a shot's diagnostic must point at the line of the shot
/// validation numbers.
/// </summary>
public sealed class ValidationMatchesAnalyzersTests
{
    public static TheoryData<string> Families() => new(Enum.GetNames<RuleFamily>().Where(f => FilmsOf(f).Any()));

    [Theory, MemberData(nameof(Families))]
    public async Task Family_SameIdsMessagesAndShots(string family)
    {
        var checkedFilms = 0;
        var reported = 0;
        foreach (var (name, body) in FilmsOf(family).Append(("CleanFilm", CleanFilm.Body)))
        {
            var source = FilmSource.Of(RulePage.StripMarkup(body), SourceKind.Regular);
            var (film, analyzed) = await CompileAndRunAsync(source);
            if (film is null)
            {
                continue; // The SDK refuses the film before it can be validated (an argument guard): nothing to compare.
            }

            checkedFilms++;
            var inFamily = (string id) => RuleCatalog.Get(id).Family.ToString() == family && RuleCatalog.Get(id).Scope.HasFlag(RuleScope.Compile) && RuleCatalog.Get(id).Scope.HasFlag(RuleScope.Run);
            var validated = film.Validate().Where(d => inFamily(d.RuleId)).ToList();
            var fromAnalyzers = analyzed.Where(d => inFamily(d.Id)).ToList();

            var expected = validated.Select(d => d.RuleId + ": " + d.Message).Order(StringComparer.Ordinal).ToList();
            var actual = fromAnalyzers.Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
            reported += expected.Count;
            Assert.True(expected.SequenceEqual(actual), $"{name}: validation and analyzers differ.\nvalidation:\n  {string.Join("\n  ", expected)}\nanalyzers:\n  {string.Join("\n  ", actual)}");

            // Positions: a shot's diagnostic lies on the line of the shot validation names.
            var shotLines = ShotLines(source);
            foreach (var diagnostic in validated.Where(d => d.ShotIndex is not null && shotLines.Count == film.Shots.Count))
            {
                var line = shotLines[diagnostic.ShotIndex!.Value];
                Assert.Contains(fromAnalyzers, a => a.Id == diagnostic.RuleId && a.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == diagnostic.Message
                    && a.Location.GetLineSpan().StartLinePosition.Line <= line && a.Location.GetLineSpan().EndLinePosition.Line >= line);
            }
        }

        Assert.True(checkedFilms > 1, $"No flagged film of {family} could be run.");
        Assert.True(reported > 0, $"No film of {family} broke a rule: nothing was compared.");
    }

    /// <summary>The flagged films (<c>Bad</c>) of the family's generated rule tests.</summary>
    private static IEnumerable<(string Name, string Body)> FilmsOf(string family) => typeof(ValidationMatchesAnalyzersTests).Assembly.GetTypes()
        .Where(t => t.Namespace == "CineForge.Analyzers.Tests." + family && t.GetField("Bad", BindingFlags.Public | BindingFlags.Static) is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (t.Name, (string)t.GetField("Bad", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!));

    /// <summary>The zero-based line of each <c>.Shot(</c> call, in the order the film places them.</summary>
    private static List<int> ShotLines(string source) => source.Split('\n')
        .Select((line, index) => (line, index))
        .Where(l => l.line.TrimStart().StartsWith(".Shot(", StringComparison.Ordinal))
        .Select(l => l.index)
        .ToList();

    private static async Task<(Film? Film, ImmutableArray<Diagnostic> Diagnostics)> CompileAndRunAsync(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Equivalence" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var analyzers = typeof(PlanAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext(null, isCollectible: true);
        try
        {
            var program = context.LoadFromStream(image).GetType("FilmProgram")!;
            return ((Film?)program.GetMethod("Run")!.Invoke(null, null), diagnostics);
        }
        catch (TargetInvocationException)
        {
            return (null, diagnostics);
        }
        finally
        {
            context.Unload();
        }
    }
}
