using CineForge.Farm;
using CineForge.Finishing;
using CineForge.Runtime;
using CineForge.Runtime.Progress;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// <c>cineforge render film.csx --farm "..."</c>: the same render as <see cref="RuntimeFilmRenderer"/>
/// (same options, so the same bytes), run by the farm's workers from the shots' stage jobs to the
/// finishing pass (<see cref="FarmFilmProduction"/>): this process submits the film, or attaches to it
/// when the farm renders it already, and watches, with a progress line each time the farm's counts
/// change; at the end it prints what the jobs did per stage and which workers ran them. Interrupted,
/// it stops watching and the film goes on. The output folder must be the shared store's mount, seen
/// by every worker at the same path.
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

        var producer = new FarmProducer(storage, new ProgressLines(console.Profile.Out.Writer, request.Film.Title));
        return new RuntimeFilmRenderer(producer, stagesRanOn: "on the farm").RenderAsync(request, console, cancellationToken);
    }

    /// <summary>The film on the farm's workers; the render events of a local render do not travel back, the farm's counts do.</summary>
    private sealed class FarmProducer(Hangfire.PostgreSql.PostgreSqlStorage storage, IProgress<FarmProgress> lines) : IFilmProducer
    {
        public Task<FilmOutcome> RenderAsync(Film film, RenderOptions options, RenderBackends? backends, IProgress<RenderEvent> progress, CancellationToken cancellationToken) =>
            new FarmFilmProduction(storage, backends, progress: lines).RenderAsync(film, options, cancellationToken);

        public string Interrupted(string where) =>
            "cineforge: stopped watching the farm; the film goes on there: the same command attaches to it and reports it, 'cineforge farm status' shows it.";
    }

    /// <summary>One line each time the counts change; reported on the polling thread, in order.</summary>
    private sealed class ProgressLines(TextWriter output, string title) : IProgress<FarmProgress>
    {
        private FarmProgress? last;

        public void Report(FarmProgress value)
        {
            if (last is null && value.Attached)
            {
                output.WriteLine($"cineforge: {title} is on the farm already: watching it instead of submitting it again");
            }

            if (value != last)
            {
                last = value;
                output.WriteLine($"{title} on the farm: keyframe {value.Keyframes}, animate {value.Animations}, select {value.Selections}{(value.Finish is { } finish ? $", finish {finish}" : string.Empty)} done; {value.Running} running, {value.Queued} queued, {value.Awaiting} awaiting");
            }
        }
    }
}
