using System.Collections.Immutable;
using CineForge.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Tests.Catalog;

/// <summary>
/// The analyzers agree with run-time validation: on examples/mistakes/film.csx, whose every value is
/// a constant, they report exactly the diagnostics pinned in expected.txt, word for word.
/// </summary>
public sealed class MistakesExampleTests
{
    [Fact]
    public async Task MistakesFilm_AnalyzersReportExactlyTheValidationDiagnostics()
    {
        var folder = Repository.PathOf("examples", "mistakes");
        var source = string.Join("\n", File.ReadAllLines(Path.Combine(folder, "film.csx")).Where(l => !l.StartsWith("#r", StringComparison.Ordinal)));
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script), path: "film.csx");
        var compilation = CSharpCompilation.CreateScriptCompilation("film", tree, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ImmutableArray.Create("System", "System.Linq", "System.Collections.Generic", "CineForge")));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers(CineForgeAnalyzers.All).GetAnalyzerDiagnosticsAsync();

        var reported = diagnostics.Select(d => d.Severity.ToString().ToLowerInvariant() + " " + d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal);
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Length > 0).Order(StringComparer.Ordinal);
        Assert.Equal(expected, reported);
    }
}
