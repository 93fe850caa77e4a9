using CineForge.Rules;

namespace CineForge.Hosting.Tests;

public sealed class FilmScriptCheckTests
{
    [Fact]
    public async Task CosmeticAd_ChecksClean()
    {
        using var temp = new TempFolder();

        var result = await FilmScript.CheckAsync(Scripts.ExamplePath("cosmetic-ad"), new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Morning Serum", Assert.Single(result.Films).Title);
        Assert.True(result.Ran);
    }

    [Fact]
    public async Task SecondCheckOfUnchangedFilm_ComesFromCache()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "return " + Scripts.Film(duration: 7) + ";\n");
        var options = new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None };

        var cold = await FilmScript.CheckAsync(path, options);
        var warm = await FilmScript.CheckAsync(path, options);

        Assert.False(cold.CompiledFromCache);
        Assert.True(warm.CompiledFromCache);
        Assert.Equal(cold.Diagnostics, warm.Diagnostics);
        Assert.Equal(cold.Films, warm.Films);
    }

    [Fact]
    public async Task ChangedLoadedFile_CompilesAgain()
    {
        using var temp = new TempFolder();
        temp.Write("cast.csx", "var seed = 1;\n");
        var path = temp.Write("film.csx", Scripts.Sdk + "#load \"cast.csx\"\n" + Scripts.Using + "return " + Scripts.Film() + ";\n");
        var options = new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None };
        await FilmScript.CheckAsync(path, options);

        temp.Write("cast.csx", "var seed = 2;\n");
        var again = await FilmScript.CheckAsync(path, options);

        Assert.False(again.CompiledFromCache);
    }

    [Fact]
    public async Task UnknownNuGetPackage_NamesThePackageAtItsDirective()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Sdk + "#r \"nuget: Newtonsoft.Json, 13.0.3\"\n" + Scripts.Using + "return " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticOrigin.Host, error.Origin);
        Assert.Equal(new SourceSpot(path, 2, 1), error.Location);
        Assert.StartsWith("package 'Newtonsoft.Json' is not available", error.Message);
        Assert.False(result.Ran);
    }

    [Theory]
    [InlineData("9.9.9")]
    [InlineData("[0.2,)")]
    [InlineData("0.0.*")]
    [InlineData("0.2.0-*")]
    [InlineData("0.0.9-local-0123abcd")]
    public async Task OtherSdkVersion_IsAnErrorNamingBothVersions(string asked)
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", $"#r \"nuget: CineForge.Sdk, {asked}\"\n" + Scripts.Using + "return " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceSpot(path, 1, 1), error.Location);
        Assert.Equal($"CineForge.Sdk {asked} is asked for, but this cineforge carries CineForge.Sdk 0.1.0; use the cineforge of that version, or reference 0.1.0", error.Message);
        Assert.False(result.Ran);
    }

    [Theory]
    [InlineData("0.1.0")]
    [InlineData("0.1")]
    [InlineData("0.1.*")]
    [InlineData("[0.1,0.2)")]
    [InlineData("*")]
    [InlineData("0.1.0-*")]
    [InlineData("0.1.0-local-0123abcd")]
    [InlineData("[0.1.0-local-0123abcd,0.2)")]
    public async Task CarriedSdkVersion_InAnyNuGetForm_Runs(string asked)
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", $"#r \"nuget: CineForge.Sdk, {asked}\"\n" + Scripts.Using + "return " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.True(result.Ran);
    }

    [Fact]
    public async Task LoadCycle_ReportsTheCycleAtTheClosingDirective()
    {
        using var temp = new TempFolder();
        var a = temp.Write("a.csx", "#load \"b.csx\"\n");
        temp.Write("b.csx", "\n#load \"a.csx\"\n");
        var path = temp.Write("film.csx", Scripts.Sdk + "#load \"a.csx\"\n" + Scripts.Using + "return " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("#load cycle: a.csx -> b.csx -> a.csx", error.Message);
        Assert.Equal(new SourceSpot(Path.Combine(temp.Directory, "b.csx"), 2, 1), error.Location);
        Assert.True(File.Exists(a));
    }

    [Fact]
    public async Task ScriptThatThrows_ReportsTheLineThatThrew()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "var shot = Shot.ObjectDetail(\"glass\");\nvar bad = shot.Duration(-1);\nreturn " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceSpot(path, 4, 11), error.Location);
        Assert.StartsWith("the script threw ArgumentOutOfRangeException: ", error.Message);
        Assert.NotNull(error.Exception);
    }

    [Fact]
    public async Task ScriptWithoutFilm_SaysHowToReturnOne()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "var x = 1;\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceSpot(path, 1, 1), error.Location);
        Assert.StartsWith("the script declares no film", error.Message);
    }

    [Fact]
    public async Task SyntaxError_IsACompilerDiagnosticAndNothingRuns()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "return " + Scripts.Film() + "\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CS1002", error.Id);
        Assert.Equal(DiagnosticOrigin.Compiler, error.Origin);
        Assert.False(result.Ran);
    }

    [Fact]
    public async Task SeveralFilms_ReturnedAndRegistered_AreAllChecked()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "Films.Run(" + Scripts.Film("One") + ");\nreturn new[] { " + Scripts.Film("Two", 6) + ", " + Scripts.Film("Three") + " };\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.Equal(new[] { "One", "Two", "Three" }, result.Films.Select(f => f.Title));
        var tooLong = Assert.Single(result.Diagnostics, d => d.Id == RuleIds.CF0201);
        Assert.Equal(new SourceSpot(path, 7, 11), tooLong.Location);
    }

    [Fact]
    public async Task StaticOnly_RunsNoScriptCode()
    {
        using var temp = new TempFolder();
        var marker = Path.Combine(temp.Directory, "ran.txt");
        var path = temp.Write("film.csx", Scripts.Header + $"System.IO.File.WriteAllText(@\"{marker}\", \"x\");\nreturn " + Scripts.Film(duration: 7) + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None, StaticOnly = true });

        Assert.False(result.Ran);
        Assert.False(File.Exists(marker));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task EditorConfig_RegradesAPlanRule()
    {
        using var temp = new TempFolder();
        temp.Write(".editorconfig", "root = true\n\n[*.csx]\ndotnet_diagnostic.CF0503.severity = error\ndotnet_diagnostic.CF0502.severity = none\n");
        var path = temp.Write("film.csx", Scripts.Header + "return " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.Equal(RuleSeverity.Error, Assert.Single(result.Diagnostics, d => d.Id == RuleIds.CF0503).Severity);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == RuleIds.CF0502);
    }

    [Fact]
    public async Task WarningsAsErrors_MakesWarningsErrors()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "return " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None, WarningsAsErrors = true });

        Assert.Contains(result.Diagnostics, d => d.Id == RuleIds.CF0503 && d.IsError);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == RuleSeverity.Warning);
    }

    [Fact]
    public async Task MissingFile_Throws()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => FilmScript.CheckAsync("/nonexistent/film.csx"));
    }
}
