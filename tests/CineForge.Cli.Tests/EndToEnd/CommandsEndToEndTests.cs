using CineForge.Serialization;

namespace CineForge.Cli.Tests.EndToEnd;

/// <summary>plan, render, new and --help as a process.</summary>
public sealed class CommandsEndToEndTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void PlanJson_IsTheSettingsLog()
    {
        var run = CliProcess.Run(temp.Combine("cache"), null, "plan", "--json", "examples/cosmetic-ad/film.csx");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var film = FilmJson.Deserialize(run.Output);
        Assert.Equal("Morning Serum", film.Title);
        Assert.Equal(7, film.Shots.Count);
        Assert.Equal(FilmJson.Serialize(film), run.Output);
    }

    [Fact]
    public void PlanJson_OfABrokenFilm_KeepsDiagnosticsOffStandardOutput()
    {
        var run = CliProcess.Run(temp.Combine("cache"), null, "plan", "--json", "examples/mistakes/film.csx");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Assert.Equal("Everything Wrong", FilmJson.Deserialize(run.Output).Title);
        Assert.Contains("examples/mistakes/film.csx(11,10): error CF0201", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ShowsShotsSettingsAndPrompts()
    {
        var run = CliProcess.Run(temp.Combine("cache"), null, "plan", "examples/mini-case/film.csx");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var expected in new[] { "Rain Check", "Shots", "Resolved settings", "Prompts", "shelter", "hood-up", "1536x864", "7.5–12" })
        {
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_CosmeticAd_RendersEveryShotThenFinishesTheFilm_ThenASecondRunDoesNoWork()
    {
        var output = temp.Combine("out");
        string[] args = ["render", "--no-progress", "--resolution", "192x108", "--out", output, "--lock", temp.Combine("film.lock.json"), "examples/cosmetic-ad/film.csx"];

        var first = CliProcess.Run(temp.Combine("cache"), null, args);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Errors);
        var film = Path.Combine(output, "morning-serum");
        Assert.Contains($"cineforge: rendered 9 clip(s), 912 frames, 8 keyframe(s), 1 correction pass(es) into {film}", first.Lines);
        var shots = Directory.GetDirectories(film).Select(Path.GetFileName).Where(n => char.IsDigit(n![0])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["01-serum-drop", "02-texture", "03-tired-mirror", "04-applies-serum", "05-skin-light", "06-kitchen-calm", "07-cta-bottle"], shots);
        foreach (var line in first.Lines.Where(l => l.Length > 2 && char.IsDigit(l[0]) && char.IsDigit(l[1])))
        {
            var clip = line.Split(' ')[2];
            Assert.True(File.Exists(Path.Combine(film, clip)), line);
        }

        Assert.True(File.Exists(Path.Combine(film, "render.json")));
        Assert.True(File.Exists(temp.Combine("film.lock.json")));
        foreach (var export in new[] { "exports/master/morning-serum.mov", "exports/master/film.csx", "exports/master/film.lock.json", "exports/web/morning-serum.mp4", "exports/mobile/morning-serum.mp4" })
        {
            Assert.True(File.Exists(Path.Combine(film, export)), export + " is missing");
        }

        Assert.Equal($"cineforge: report: {Path.Combine(film, "report", "index.html")}", first.Lines[^1]);

        var second = CliProcess.Run(temp.Combine("cache"), null, args);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains($"cineforge: nothing to render: every clip is up to date in {film}", second.Lines);
        Assert.DoesNotContain(second.Lines, l => l.StartsWith("changed since", StringComparison.Ordinal));
        Assert.Equal(first.Lines[^1], second.Lines[^1]);
    }

    [Fact]
    public void Render_FilmWithErrors_StopsBeforeAnyWork_Exit1()
    {
        var output = temp.Combine("out");

        var run = CliProcess.Run(temp.Combine("cache"), null, "render", "--out", output, "examples/mistakes/film.csx");

        Assert.Equal(ExitCodes.FilmErrors, run.ExitCode);
        Assert.Contains("examples/mistakes/film.csx(10,11): error CF0101: Shot #1 'sam-tight-portrait' has no seed: fix an explicit seed per shot so reruns give the same frames", run.Lines);
        Assert.Equal("cineforge: render stopped: 3 errors; nothing was rendered.", run.Lines[^1]);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void New_ScaffoldsAFilmThatChecksClean_AsScriptAndAsFileBasedApp()
    {
        var created = CliProcess.Run(temp.Combine("cache"), temp.Path, "new", "night-train");

        Assert.Equal(ExitCodes.Success, created.ExitCode);
        foreach (var file in new[] { "film.csx", "film.cs", ".editorconfig", ".gitignore", "omnisharp.json", ".vscode/tasks.json", ".vscode/settings.json", "assets/README.md", "Directory.Build.props" })
        {
            Assert.True(File.Exists(temp.Combine("night-train", file)), file + " is missing");
        }

        var script = CliProcess.Run(temp.Combine("cache"), temp.Path, "check", "night-train/film.csx");
        var app = CliProcess.Run(temp.Combine("cache"), temp.Path, "check", "night-train/film.cs");

        Assert.Equal(new[] { "Checked night-train/film.csx (1 film): 0 errors, 0 warnings, 0 infos." }, script.Lines);
        Assert.Equal(new[] { "Checked night-train/film.cs (1 film): 0 errors, 0 warnings, 0 infos." }, app.Lines);
        Assert.Contains("Film.Titled(\"Night Train\")", File.ReadAllText(temp.Combine("night-train", "film.csx")), StringComparison.Ordinal);
    }

    [Fact]
    public void New_IntoAFolderThatIsNotEmpty_Exit2_AndWritesNothing()
    {
        Directory.CreateDirectory(temp.Combine("taken"));
        File.WriteAllText(temp.Combine("taken", "notes.txt"), "mine");

        var run = CliProcess.Run(temp.Combine("cache"), temp.Path, "new", "taken");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("already exists and is not empty", run.Errors, StringComparison.Ordinal);
        Assert.Equal(new[] { temp.Combine("taken", "notes.txt") }, Directory.GetFileSystemEntries(temp.Combine("taken")));
    }

    [Fact]
    public void Help_ListsCommandsAndExitCodes()
    {
        var run = CliProcess.Run(temp.Combine("cache"), null, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var expected in new[] { "check <film>", "plan <film>", "new <name>", "render <film>", "Exit codes:", "  3    render: the film is valid but this build has no render runtime" })
        {
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        }
    }
}
