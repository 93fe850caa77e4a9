using System.Text.Json;

namespace CineForge.Cli.Tests.EndToEnd;

/// <summary>The built command as a process, on the examples and on broken films: exit codes and the exact lines users see.</summary>
public sealed class CheckEndToEndTests : IDisposable
{
    private readonly TempFolder cache = new();

    public void Dispose() => cache.Dispose();

    [Theory]
    [InlineData("cosmetic-ad")]
    [InlineData("dramatic-short")]
    [InlineData("mini-case")]
    public void MethodExample_ChecksClean_Exit0(string example)
    {
        var run = CliProcess.Run(cache.Path, null, "check", $"examples/{example}/film.csx");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(new[] { $"Checked examples/{example}/film.csx (1 film): 0 errors, 0 warnings, 0 infos." }, run.Lines);
    }

    [Fact]
    public void Mistakes_ReportsEveryPinnedRuleAtItsShot_Exit1()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "examples/mistakes/film.csx");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        var diagnostics = run.Lines.Where(l => l.StartsWith("examples/mistakes/film.csx(", StringComparison.Ordinal)).ToList();
        var pinned = File.ReadAllLines(Repo.PathOf("examples", "mistakes", "expected.txt")).Where(l => l.Length > 0).ToList();
        // The same diagnostics validation pins, each once, most at the analyzers' precise call sites (sorted by position).
        Assert.Equal(pinned.OrderBy(l => l, StringComparer.Ordinal), diagnostics.Select(WithoutLocation).OrderBy(l => l, StringComparer.Ordinal));
        Assert.Equal("examples/mistakes/film.csx(11,10): error CF0201: Shot #1 'sam-tight-portrait' lasts 12 s, over the 5 s maximum: generate short segments and edit them", diagnostics.Single(l => l.Contains("CF0201", StringComparison.Ordinal)));
        Approval.Verify("mistakes.check.txt", run.Output);
        Assert.Equal("Checked examples/mistakes/film.csx (1 film): 3 errors, 34 warnings, 3 infos.", run.Lines[^1]);
    }

    [Fact]
    public void DesignCard_AsWritten_ShowsItsRules_NoCompilerError_Exit1()
    {
        var film = "examples/design-card/film.csx";

        var run = CliProcess.Run(cache.Path, null, "check", film);

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Assert.DoesNotContain(run.Lines, l => l.Contains(": error CS", StringComparison.Ordinal));
        Assert.Contains(film + "(3,32): error CF0201: Shot #1 'tight-portrait' lasts 7 s, over the 5 s maximum: generate short segments and edit them", run.Lines);
        Assert.Contains(film + "(4,11): error CF0101: Shot #2 'object-detail-shot' has no seed: fix an explicit seed per shot so reruns give the same frames", run.Lines);
        Assert.Contains(film + "(3,11): error CF0107: Shot #1 'tight-portrait' has no subject: tight portrait presets called without one take the cast's lead (Cast(...)), and the film has none", run.Lines);
    }

    [Fact]
    public void ScriptThatNeverEnds_IsStoppedAtTheTimeout_Exit1()
    {
        var film = "tests/CineForge.Cli.Tests/Fixtures/never-ends/film.csx";
        var started = System.Diagnostics.Stopwatch.StartNew();

        var run = CliProcess.Run(cache.Path, null, "check", film, "--script-timeout", "1");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Assert.Equal(new[]
        {
            film + "(1,1): error: the script did not finish within 1 s: a film declares its plan and returns, so look for a loop or a wait that never ends (--script-timeout raises the limit)",
            "Checked " + film + " (0 films): 1 error, 0 warnings, 0 infos.",
        }, run.Lines);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"check took {started.Elapsed}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void ScriptTimeout_NotAPositiveNumberOfSeconds_IsAUsageError(string value)
    {
        var run = CliProcess.Run(cache.Path, null, "check", "examples/mini-case/film.csx", "--script-timeout", value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--script-timeout", run.Errors + run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("syntax-error", "(not run): 2 errors, 0 warnings, 0 infos.",
        "film.csx(5,45): error CS1026: ) expected",
        "film.csx(5,45): error CS1002: ; expected")]
    [InlineData("throws", "(0 films): 1 error, 0 warnings, 0 infos.",
        "film.csx(7,12): error: the script threw ArgumentOutOfRangeException: CF0201 (Clip longer than 5 s): seconds must be a positive, finite number of seconds; got -2. (Parameter 'seconds') Actual value was -2.")]
    [InlineData("no-film", "(0 films): 1 error, 0 warnings, 0 infos.",
        "film.csx(1,1): error: the script declares no film: end it with `return Film.Titled(...)...;` or call `Films.Run(film)`")]
    [InlineData("load-cycle", "(not run): 1 error, 0 warnings, 0 infos.",
        "looks.csx(2,1): error: #load cycle: cast.csx -> looks.csx -> cast.csx")]
    [InlineData("unknown-package", "(not run): 1 error, 0 warnings, 0 infos.",
        "film.csx(2,1): error: package 'Newtonsoft.Json' is not available: cineforge resolves only 'CineForge.Sdk', the SDK it carries; reference a local assembly with #r \"path/to/assembly.dll\" instead")]
    public void BrokenFilm_OneClearMessageWithFileAndLine_Exit1(string fixture, string summary, params string[] expected)
    {
        var folder = $"tests/CineForge.Cli.Tests/Fixtures/{fixture}/";

        var run = CliProcess.Run(cache.Path, null, "check", folder + "film.csx");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Assert.Equal(expected.Select(e => folder + e).Append($"Checked {folder}film.csx {summary}"), run.Lines);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Errors);
    }

    [Fact]
    public void ScriptThatThrows_Verbose_ShowsTheStackTrace()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "--verbose", "tests/CineForge.Cli.Tests/Fixtures/throws/film.csx");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Assert.Contains("System.ArgumentOutOfRangeException", run.Output, StringComparison.Ordinal);
        Assert.Contains("   at CineForge.ShotExtensions.Duration", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralFilms_EachIsCheckedAtItsOwnSource()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "tests/CineForge.Cli.Tests/Fixtures/several-films/film.csx");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Approval.Verify("several-films.check.txt", run.Output);
    }

    [Fact]
    public void FileBasedFilm_IsCheckedLikeAScript()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "tests/CineForge.Cli.Tests/Fixtures/file-based/film.cs");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Assert.Contains("tests/CineForge.Cli.Tests/Fixtures/file-based/film.cs(5,71): error CF0201: Shot #1 'amber-glass-bottle' lasts 6 s, over the 5 s maximum: generate short segments and edit them", run.Lines);
    }

    [Fact]
    public void WarningsOnly_Exit0_ButExit1UnderWarnAsError()
    {
        const string film = "tests/CineForge.Cli.Tests/Fixtures/warnings-only/film.csx";

        var plain = CliProcess.Run(cache.Path, null, "check", film);
        var strict = CliProcess.Run(cache.Path, null, "check", "--warnaserror", film);

        Assert.Equal(ExitCodes.Success, plain.ExitCode);
        Assert.StartsWith(film + "(27,24): warning CF0204: Shot #2 'waiting' has motion strength 0.5", plain.Lines[0], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FilmErrors, strict.ExitCode);
        Assert.StartsWith(film + "(27,24): error CF0204: Shot #2 'waiting' has motion strength 0.5", strict.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Static_RunsNoScriptCode()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "--static", "tests/CineForge.Cli.Tests/Fixtures/throws/film.csx");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(new[] { "Checked tests/CineForge.Cli.Tests/Fixtures/throws/film.csx (static check, no script code run): 0 errors, 0 warnings, 0 infos." }, run.Lines);
    }

    [Fact]
    public void SecondCheck_ComesFromTheCompileCache()
    {
        var cold = CliProcess.Run(cache.Path, null, "check", "--verbose", "examples/mini-case/film.csx");
        var warm = CliProcess.Run(cache.Path, null, "check", "--verbose", "examples/mini-case/film.csx");

        Assert.Equal("Checked examples/mini-case/film.csx (1 film, compiled): 0 errors, 0 warnings, 0 infos.", cold.Lines[^1]);
        Assert.Equal("Checked examples/mini-case/film.csx (1 film, compiled from cache): 0 errors, 0 warnings, 0 infos.", warm.Lines[^1]);
    }

    [Fact]
    public void Sarif_IsAValidSarif21LogOfTheSameDiagnostics()
    {
        var text = CliProcess.Run(cache.Path, null, "check", "examples/mistakes/film.csx").Lines.Length - 1;

        var run = CliProcess.Run(cache.Path, null, "check", "--format", "sarif", "examples/mistakes/film.csx");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        using var log = JsonDocument.Parse(run.Output);
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var sarifRun = log.RootElement.GetProperty("runs")[0];
        Assert.Equal("cineforge", sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(text, results.Count);
        var tooLong = results.Single(r => r.GetProperty("ruleId").GetString() == "CF0201");
        Assert.Equal("error", tooLong.GetProperty("level").GetString());
        var location = tooLong.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("examples/mistakes/film.csx", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(11, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(10, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void MissingFile_Exit2_OnStandardError()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "examples/nope/film.csx");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("cineforge: examples/nope/film.csx: file not found", run.Errors.Trim());
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void NotAFilm_Exit2()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "README.md");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("cineforge: README.md: not a film: expected a .csx script or a .cs file-based app", run.Errors.Trim());
    }

    [Fact]
    public void UnknownOption_Exit2()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "--frobnicate", "examples/mini-case/film.csx");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("cineforge: Unrecognized command or argument", run.Errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Folder_ChecksTheFilmInIt()
    {
        var run = CliProcess.Run(cache.Path, null, "check", "examples/mini-case");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(new[] { "Checked examples/mini-case/film.csx (1 film): 0 errors, 0 warnings, 0 infos." }, run.Lines);
    }

    private static string WithoutLocation(string line) => line.Substring(line.IndexOf("): ", StringComparison.Ordinal) + 3);
}
