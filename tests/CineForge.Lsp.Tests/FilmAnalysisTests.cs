using CineForge.Hosting;
using CineForge.Rules;

namespace CineForge.Lsp.Tests;

/// <summary>The incremental path: one tree replaced in the kept compilation gives what a fresh compilation gives.</summary>
public sealed class FilmAnalysisTests
{
    [Fact]
    public async Task An_edit_of_the_film_replaces_its_tree_in_the_kept_compilation_and_finds_what_a_full_compile_finds()
    {
        using var folder = new TempFolder();
        var film = folder.Write("film.csx", Films.Clean());
        var first = await FilmAnalysis.AnalyzeAsync(film, new Dictionary<string, string>(), null, AnalyzerSet.CineForge, CancellationToken.None);
        var texts = new Dictionary<string, string> { [film] = Films.Clean(duration: "7") };

        var incremental = await FilmAnalysis.AnalyzeAsync(film, texts, first, AnalyzerSet.CineForge, CancellationToken.None);
        var full = await FilmAnalysis.AnalyzeAsync(film, texts, null, AnalyzerSet.CineForge, CancellationToken.None);

        Assert.Equal("full", first.Build);
        Assert.Equal("incremental", incremental.Build);
        Assert.Equal("full", full.Build);
        Assert.Same(first.Compilation!.References.First(), incremental.Compilation!.References.First());
        Assert.Equal(Describe(full), Describe(incremental));
        Assert.Contains(incremental.ByPath[film], d => d.Diagnostic.Code == RuleIds.CF0201);
    }

    [Fact]
    public async Task A_change_of_the_loaded_files_builds_the_compilation_again()
    {
        using var folder = new TempFolder();
        var cast = folder.Write("cast.csx", "const double length = 4;\n");
        var film = folder.Write("film.csx", Films.Clean(duration: "length").Replace("using CineForge;\n", "#load \"cast.csx\"\nusing CineForge;\n"));
        var first = await FilmAnalysis.AnalyzeAsync(film, new Dictionary<string, string>(), null, AnalyzerSet.CineForge, CancellationToken.None);

        var changed = await FilmAnalysis.AnalyzeAsync(film, new Dictionary<string, string> { [cast] = "const double length = 6;\n" }, first, AnalyzerSet.CineForge, CancellationToken.None);

        Assert.Equal("full", changed.Build);
        Assert.True(changed.Contains(cast));
        Assert.Contains(changed.ByPath[film], d => d.Diagnostic.Code == RuleIds.CF0201 && d.Diagnostic.Message.Contains("6 s", StringComparison.Ordinal));
    }

    private static List<string> Describe(FilmAnalysis analysis) => analysis.ByPath
        .SelectMany(p => p.Value.Select(d => $"{Path.GetFileName(p.Key)} {d.Diagnostic.Range} {d.Diagnostic.Severity} {d.Diagnostic.Code} {d.Diagnostic.Message}"))
        .Order(StringComparer.Ordinal)
        .ToList();
}
