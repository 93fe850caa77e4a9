using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CineForge.Cli.Output;
using CineForge.Hosting;
using CineForge.Serialization;
using Spectre.Console;

namespace CineForge.Cli.Commands.Plan;

/// <summary>
/// <c>cineforge plan film.csx</c>: the shot list on its timeline, the resolved settings of every
/// shot and the assembled prompts, as tables, or with <c>--json</c> the settings log
/// (<see cref="FilmJson"/>: one object for one film, an array for several). Diagnostics go to
/// standard error under <c>--json</c>, so standard output stays valid JSON.
/// </summary>
public sealed class PlanCommand
{
    private readonly IAnsiConsole console;
    private readonly TextWriter errors;
    private readonly FilmChecker checker;

    /// <summary>Creates the command.</summary>
    public PlanCommand(IAnsiConsole console, TextWriter errors, FilmChecker checker)
    {
        this.console = console;
        this.errors = errors;
        this.checker = checker;
    }

    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build(GlobalOptions global) => PlanSettings.CommandLine(global)
        .Command("plan", "Show the shot list, timeline, resolved settings per shot and the assembled prompts.", ExecuteAsync);

    /// <summary>Prints the plan; returns the exit code (1 when the film has errors, as <c>check</c>).</summary>
    public async Task<int> ExecuteAsync(PlanSettings settings, CancellationToken cancellationToken)
    {
        if (FilmInput.ResolveOrReport(settings.Film, errors) is not { } path)
        {
            return ExitCodes.Usage;
        }

        var result = await checker.CheckAsync(path, new FilmCheckOptions { UseCache = !settings.Global.NoCache, RunTimeout = settings.Global.RunTimeout }, settings.Global.NoProgress || settings.Json, cancellationToken).ConfigureAwait(false);
        FilmChecker.Print(result, settings.Json ? errors : console.Profile.Out.Writer, settings.Global.Verbose);
        if (settings.Json)
        {
            if (result.Films.Count > 0)
            {
                console.Raw(result.Films.Count == 1 ? FilmJson.Serialize(result.Films[0]) : JsonSerializer.Serialize(result.Films, FilmJson.Options) + "\n");
            }
        }
        else
        {
            foreach (var film in result.Films)
            {
                Render(film);
            }
        }

        return result.HasErrors ? ExitCodes.FilmErrors : ExitCodes.Success;
    }

    private void Render(Film film)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(film.Title)}[/]").LeftJustified());
        console.WriteLine($"{film.Format.Kind}, {film.Shots.Count} shots, {Seconds(film.Runtime)} s" + (film.Logline is null ? string.Empty : ": " + film.Logline));
        console.Write(ShotTable(film));
        console.Write(SettingsTable(film));
        console.Write(PromptTable(film));
    }

    private static Table ShotTable(Film film)
    {
        var table = NewTable("Shots", "#", "Shot", "Type", "Mission", "Time (s)", "Motion", "Camera", "Seed");
        var start = 0.0;
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            table.AddRow(
                Number(i + 1),
                shot.Name,
                shot.Type.ToString(),
                shot.Mission is null ? "-" : shot.Mission.Beat.ToString(),
                $"{Seconds(start)}–{Seconds(start + shot.Duration)}",
                shot.Motion.ToString("0.##", CultureInfo.InvariantCulture),
                shot.Camera.ToString(),
                shot.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none");
            start += shot.Duration;
        }

        return table;
    }

    private static Table SettingsTable(Film film)
    {
        var table = NewTable("Resolved settings", "#", "Keyframe", "Steps", "CFG", "Sampler", "Fps", "Versions", "Corrections");
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var keyframe = shot.Keyframe;
            table.AddRow(
                Number(i + 1),
                $"{keyframe.Width}x{keyframe.Height}",
                Number(keyframe.Steps),
                keyframe.Cfg.ToString("0.##", CultureInfo.InvariantCulture),
                keyframe.Sampler.ToString(),
                Number(shot.Fps),
                string.Join(" ", new[] { "A" }.Concat(shot.Variants.Select(v => v.Label))),
                shot.Corrections.Count == 0 ? "-" : string.Join(" ", shot.Corrections.Select(c => c.Denoise.ToString("0.##", CultureInfo.InvariantCulture))));
        }

        return table;
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column));
        }

        return table;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Table PromptTable(Film film)
    {
        var table = NewTable("Prompts", "#", "Positive", "Negative");
        var prompts = film.Prompts();
        for (var i = 0; i < prompts.Count; i++)
        {
            table.AddRow(new Text((i + 1).ToString(CultureInfo.InvariantCulture)), new Text(prompts[i].Positive), new Text(prompts[i].Negative));
        }

        return table;
    }

    private static string Seconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
