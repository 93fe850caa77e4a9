using CineForge.Farm;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// <c>cineforge render film.csx --farm "..."</c>: the same render as <see cref="RuntimeFilmRenderer"/>
/// (same options, so the same bytes), with the shots' stage jobs dispatched to the farm's workers
/// (keyframe and animate per take, select per shot), a progress line each time the farm's counts
/// change, and at the end what the jobs did per stage and which workers ran them. The output folder
/// must be the shared store's mount, seen by every worker at the same path.
/// </summary>
public sealed class FarmFilmRenderer(string connectionString, TextWriter errors) : IFilmRenderer
{
    /// <inheritdoc />
    public Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        Hangfire.PostgreSql.PostgreSqlStorage storage;
        try
        {
            storage = FarmStorage.Open(connectionString);
        }
        catch (FarmException ex)
        {
            errors.WriteLine("cineforge: " + ex.Message);
            return Task.FromResult(ExitCodes.Usage);
        }

        var dispatcher = new FarmShotDispatcher(storage, progress: new ProgressLines(console.Profile.Out.Writer, request.Film.Title));
        return new RuntimeFilmRenderer(dispatcher, stagesRanOn: "on the farm").RenderAsync(request, console, cancellationToken);
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
                output.WriteLine($"{title} on the farm: keyframe {value.Keyframes}, animate {value.Animations}, select {value.Selections} done; {value.Running} running, {value.Queued} queued, {value.Awaiting} awaiting");
            }
        }
    }
}
