using CineForge.Rules;

namespace CineForge.Hosting.Tests;

/// <summary>The CineForge analyzers ship next to the host and run on every film's compilation, script or file-based app.</summary>
public sealed class ShippedAnalyzerTests
{
    [Fact]
    public void CineForgeSet_LoadsTheShippedAnalyzers()
    {
        var set = AnalyzerSet.CineForge;

        Assert.NotEmpty(set.Analyzers);
        Assert.StartsWith("CineForge.Analyzers:", set.Fingerprint, StringComparison.Ordinal);
        var ids = set.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.Contains(RuleIds.CF0201, ids);
    }

    [Theory]
    [InlineData("film.csx", Scripts.Header + "return ", ";\n", 4)]
    [InlineData("film.cs", "#:package CineForge.Sdk@0.1.0\nusing CineForge;\nreturn Films.Run(", ");\n", 4)]
    public async Task ConstantTooLongClip_IsReportedByTheAnalyzerAtItsArgument_Once(string name, string before, string after, int line)
    {
        using var temp = new TempFolder();
        var path = temp.Write(name, before + Scripts.Film(duration: 7) + after);

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache });

        var tooLong = Assert.Single(result.Diagnostics, d => d.Id == RuleIds.CF0201);
        Assert.Equal(DiagnosticOrigin.Analyzer, tooLong.Origin);
        Assert.Equal(line, tooLong.Location!.Line);
        Assert.Equal(RuleSeverity.Error, tooLong.Severity);
        Assert.True(result.Ran, "analyzer errors do not stop validation");
    }

    [Fact]
    public async Task FilmThatDoesNotCompile_ReportsCompilerErrorsOnly()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "return " + Scripts.Film(duration: 7) + "\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache });

        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticOrigin.Compiler, d.Origin));
    }
}
