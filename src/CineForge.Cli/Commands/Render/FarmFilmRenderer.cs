using CineForge.Farm;
using CineForge.Runtime;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// <c>cineforge render film.csx --farm "..."</c>: renders the film's shots on the farm's workers
/// (one Hangfire job per shot), waits with progress until every shot is in, then writes the
/// film's summary and lock here. The output folder must be the shared store's mount, seen by
/// every worker at the same path.
/// </summary>
public sealed class FarmFilmRenderer(string connectionString, TextWriter errors) : IFilmRenderer
{
    /// <inheritdoc />
    public async Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var output = console.Profile.Out.Writer;
        try
        {
            var storage = FarmStorage.Open(connectionString);
            var dispatcher = new FarmShotDispatcher(storage, progress: new ProgressLines(output, request.Film.Title));
            var options = new RenderOptions { OutputDirectory = request.OutputDirectory, AssetRoot = Path.GetDirectoryName(request.FilmPath) };
            var result = await new FilmRenderer(dispatcher: dispatcher).RenderAsync(request.Film, options, progress: null, cancellationToken).ConfigureAwait(false);
            foreach (var shot in result.Shots)
            {
                output.WriteLine($"{shot.Index:00} {shot.Name}: {(shot.Rejected ? "rejected" : "kept " + shot.Selected)}: {shot.Report}");
            }

            output.WriteLine($"{request.Film.Title}: rendered on the farm into {result.FilmDirectory}");
            return result.AllSelected ? ExitCodes.Success : ExitCodes.RenderFailed;
        }
        catch (FarmException ex)
        {
            errors.WriteLine("cineforge: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (RenderException ex)
        {
            errors.WriteLine("cineforge: " + ex.Message);
            return ExitCodes.RenderFailed;
        }
    }

    /// <summary>One line each time the counts change; reported on the polling thread, in order.</summary>
    private sealed class ProgressLines(TextWriter output, string title) : IProgress<FarmProgress>
    {
        private FarmProgress? last;

        public void Report(FarmProgress value)
        {
            if (value != last)
            {
                last = value;
                output.WriteLine($"{title}: {value.Done}/{value.Total} shots done, {value.Running} running, {value.Queued} queued");
            }
        }
    }
}
