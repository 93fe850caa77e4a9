using System.CommandLine;
using CineForge.Farm;
using Spectre.Console;

namespace CineForge.Cli.Commands.Farm;

/// <summary>
/// <c>cineforge farm status --farm "..."</c>: for each film on the farm, a table of its shots by
/// stage job (keyframe A/B, animate A/B, select), each done, running (and where), queued, awaiting,
/// failed or stopped; then the reason of each failure.
/// </summary>
public sealed class FarmStatusCommand(IAnsiConsole console, TextWriter errors)
{
    /// <summary>The <c>farm</c> command with its <c>status</c> subcommand.</summary>
    public Command Build() => new("farm", "Inspect a render farm.")
    {
        FarmStatusSettings.CommandLine().Command("status", "Show each film on the farm by shot and stage job: done, running, queued, awaiting or failed, with the reason of each failure.", Execute),
    };

    /// <summary>Prints the status; returns the exit code.</summary>
    public int Execute(FarmStatusSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FarmSnapshot snapshot;
        try
        {
            if (FarmInput.ResolveOrReport(settings.Farm, errors) is not { } connectionString)
            {
                return ExitCodes.Usage;
            }

            snapshot = FarmStatus.Read(FarmStorage.Open(connectionString));
        }
        catch (FarmException ex)
        {
            errors.WriteLine("cineforge: " + ex.Message);
            return ExitCodes.Usage;
        }

        console.WriteLine($"{Count(snapshot.Workers, "worker")} online, {Count(snapshot.Films.Count, "film")} on the farm");
        foreach (var film in snapshot.Films)
        {
            Print(film);
        }

        return ExitCodes.Success;
    }

    private void Print(FarmFilmStatus film)
    {
        var states = film.Stages.GroupBy(s => s.State, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        console.WriteLine($"{film.Title} ({film.FilmDirectory}): {Count(film.Stages.Count, "stage job")}: {string.Join(", ", states)}{(film.Done ? "; done, not reported: 'render --farm' of the film reports it" : string.Empty)}");
        var columns = film.Stages.OrderBy(s => s.Stage).ThenBy(s => s.Take, StringComparer.Ordinal).Select(s => s.Name).Distinct().ToList();
        var table = new Table().AddColumn("shot");
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        foreach (var shot in film.Stages.GroupBy(s => s.Shot, StringComparer.Ordinal))
        {
            var cells = columns.Select(c => shot.FirstOrDefault(s => s.Name == c) is { } stage ? Cell(stage) : "-");
            table.AddRow(new[] { shot.Key }.Concat(cells).Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        if (film.Finish is { } finish)
        {
            console.WriteLine($"finish: {finish.State}{(finish.Detail.Length > 0 && finish.State != FarmStatus.Failed ? $" ({finish.Detail})" : string.Empty)}");
        }

        foreach (var failed in film.Stages.Where(s => s.State == FarmStatus.Failed))
        {
            console.WriteLine($"failed: {failed.Shot} {failed.Name} (job {failed.JobId}): {failed.Detail}");
        }

        if (film.Finish is { State: FarmStatus.Failed } failedFinish)
        {
            console.WriteLine($"failed: finish (job {failedFinish.JobId}): {failedFinish.Detail}");
        }
    }

    private static string Cell(FarmStageStatus stage) => stage.State == FarmStatus.Running ? $"{stage.State} ({stage.Detail})" : stage.State;

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
