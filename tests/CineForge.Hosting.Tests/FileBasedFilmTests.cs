using CineForge.Rules;

namespace CineForge.Hosting.Tests;

public sealed class FileBasedFilmTests
{
    private const string Header = "#:package CineForge.Sdk@0.1.0\nusing CineForge;\n\n";

    [Fact]
    public async Task FileBasedApp_WithPackageDirective_DeclaresItsFilm()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.cs", Header + "var film = " + Scripts.Film(duration: 7) + ";\nreturn Films.Run(film);\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.Equal("Tiny", Assert.Single(result.Films).Title);
        Assert.Equal(new SourceSpot(path, 5, 11), Assert.Single(result.Diagnostics, d => d.Id == RuleIds.CF0201).Location);
    }

    [Fact]
    public async Task FileBasedApp_OtherPackage_NamesIt()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.cs", "#:package CineForge.Sdk@0.1.0\n#:package Humanizer@2.14.1\nusing CineForge;\nreturn Films.Run(" + Scripts.Film() + ");\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceSpot(path, 2, 1), error.Location);
        Assert.StartsWith("package 'Humanizer' is not available", error.Message);
    }

    [Fact]
    public async Task FileBasedApp_AskingForAnyBuildOfTheCarriedRelease_Runs()
    {
        // What `cineforge new` writes: NuGet's float over the builds the launcher packs (0.1.0-local-HASH).
        using var temp = new TempFolder();
        var path = temp.Write("film.cs", "#:package CineForge.Sdk@" + SdkPackage.Request + "\nusing CineForge;\nreturn Films.Run(" + Scripts.Film() + ");\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.Equal("0.1.0-*", SdkPackage.Request);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.True(result.Ran);
    }

    [Fact]
    public async Task FileBasedApp_OtherSdkVersion_NamesBoth()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.cs", "#:package CineForge.Sdk@2.0.0\nusing CineForge;\nreturn Films.Run(" + Scripts.Film() + ");\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceSpot(path, 1, 1), error.Location);
        Assert.StartsWith("CineForge.Sdk 2.0.0 is asked for, but this cineforge carries CineForge.Sdk 0.1.0", error.Message);
    }

    [Fact]
    public async Task FileBasedApp_ThatNeverCallsRun_SaysHow()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.cs", Header + "var film = " + Scripts.Film() + ";\n");

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.None });

        Assert.Equal("the script declares no film: end it with `return Films.Run(film);`", Assert.Single(result.Diagnostics, d => d.IsError).Message);
    }
}
