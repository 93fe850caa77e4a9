using CineForge.Rules;

namespace CineForge.Hosting.Tests;

/// <summary>
/// A <c>.csx</c> with no <c>#r</c> line gets what a C# script host gives it: the framework, the SDK
/// and the dotnet-script dialect's usings. The design card's chain compiles as written.
/// </summary>
public sealed class ScriptDialectTests
{
    /// <summary>The design card's film, verbatim: no #r line, presets without an argument.</summary>
    private const string Card = """
        using CineForge;
        return Film.Titled("Card")
            .Shot(Shot.TightPortrait().Duration(7).Motion(0.35).Seed(42))
            .Shot(Shot.ObjectDetail().Duration(3).Motion(0.3));

        """;

    [Fact]
    public async Task DesignCard_WithoutReference_CompilesAndShowsItsRules()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Card);

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache });

        Assert.DoesNotContain(result.Diagnostics, d => d.Id?.StartsWith("CS", StringComparison.Ordinal) == true);
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIds.CF0201 && d.Origin == DiagnosticOrigin.Analyzer && d.Location == new SourceSpot(path, 3, 32));
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIds.CF0101 && d.Origin == DiagnosticOrigin.Analyzer && d.Location == new SourceSpot(path, 4, 11));
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIds.CF0107 && d.Location == new SourceSpot(path, 3, 11));
        Assert.True(result.Ran);
        Assert.Equal("Card", Assert.Single(result.Films).Title);
    }

    [Fact]
    public async Task ScriptWithoutReference_SeesTheDialectsUsings()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", """
            var words = new StringBuilder("Card").ToString().Split(' ').Select(w => w.Trim()).ToList();
            var stopwatch = Stopwatch.StartNew();
            await Task.Yield();
            return Film.Titled(words[0] + Path.GetFileName("x")).Cast(Character.Sheet("Mara").Face("freckles").Wardrobe("ochre shirt").Seed(3))
                .Shot(Shot.TightPortrait().Seed(42));

            """);

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.DoesNotContain(result.Diagnostics, d => d.Origin == DiagnosticOrigin.Compiler);
        Assert.Equal("Cardx", Assert.Single(result.Films).Title);
        Assert.Equal("Mara", Assert.Single(result.Films[0].Shots[0].Characters).Name);
    }

    [Fact]
    public async Task ShotStatementsOnly_GetEveryCompileTimeDiagnostic_ThenDeclareNoFilm()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", """
            Shot.TightPortrait().Duration(7).Motion(0.35).Seed(42);
            var detail = Shot.ObjectDetail().Fps(30);

            """);

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache });

        Assert.DoesNotContain(result.Diagnostics, d => d.Id?.StartsWith("CS", StringComparison.Ordinal) == true);
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIds.CF0201 && d.Location == new SourceSpot(path, 1, 22));
        Assert.Contains(result.Diagnostics, d => d.Id == RuleIds.CF0203 && d.Location == new SourceSpot(path, 2, 34));
        var last = result.Diagnostics[^1];
        Assert.Equal(DiagnosticOrigin.Host, last.Origin);
        Assert.StartsWith("the script declares no film", last.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);")]
    [InlineData("await new TaskCompletionSource().Task;")]
    public async Task ScriptThatNeverEnds_IsStoppedAfterTheTimeout(string forever)
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", forever + "\nreturn Film.Titled(\"Never\");\n");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None, RunTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"check took {started.Elapsed}");
        // A loop before the return also draws the compiler's unreachable-code warning.
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticOrigin.Host, error.Origin);
        Assert.Equal(new SourceSpot(path, 1, 1), error.Location);
        Assert.StartsWith("the script did not finish within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Films);
    }

    [Theory]
    [InlineData("// only a comment\n")]
    [InlineData("#r \"nuget: CineForge.Sdk, 0.1.0\"\nusing CineForge;\n")]
    [InlineData("")]
    public async Task ScriptWithoutCode_DeclaresNoFilm_NoInternalError(string text)
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", text);

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticOrigin.Host, error.Origin);
        Assert.Equal("the script declares no film: it holds no code; end it with `return Film.Titled(...)...;` or call `Films.Run(film)`", error.Message);
        Assert.False(result.Ran);
    }
}
