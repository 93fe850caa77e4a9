using CineForge.Finishing;
using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;

namespace CineForge.Farm;

/// <summary>
/// A whole film on the farm (<c>render --farm</c>), its submitter needed only to start it: the film is
/// checked as a local render checks it (<see cref="FilmProduction.Check"/>, <see cref="FilmRenderer.Prepare"/>),
/// then its stage jobs and its finish job (<see cref="FilmFinishJob"/>: summary, lock, finishing pass and
/// report) go to the farm, where the workers fan in and finish it without the submitter. The submitter
/// watches the film's record; killed and started again with the same film and settings, it attaches to
/// the film instead of submitting it twice, and reports it as the first would have. At the end it reads
/// the shots back (nothing rendered or written) and takes what the finish job left in the record.
/// </summary>
/// <param name="storage">The farm.</param>
/// <param name="backends">The backends the workers must have; default the previz.</param>
/// <param name="timings">How often the record is read.</param>
/// <param name="progress">The farm's counts, on each read.</param>
public sealed class FarmFilmProduction(Hangfire.PostgreSql.PostgreSqlStorage storage, RenderBackends? backends = null, FarmTimings? timings = null, IProgress<FarmProgress>? progress = null)
{
    private readonly RenderBackends backends = backends ?? RenderBackends.Previz();

    /// <summary>The film's jobs and whether the last render attached to a film already on the farm.</summary>
    public FarmShotDispatcher Dispatcher { get; } = new(storage, timings, progress);

    /// <summary>Renders and finishes <paramref name="film"/> on the farm, or attaches to it there; cancelled, stops watching and leaves the film to the workers.</summary>
    /// <exception cref="RenderException">Bad input before any job, a job that failed for good (the film stopped), or the farm renders the folder with other jobs.</exception>
    /// <exception cref="Runtime.Locking.LockFileException">A locked render whose lock file is missing or unreadable, before any job.</exception>
    public async Task<FilmOutcome> RenderAsync(Film film, RenderOptions options, CancellationToken cancellationToken)
    {
        FilmProduction.Check(film, options, cancellationToken);
        var render = new FilmRenderer(backends).Prepare(film, options, progress: null, cancellationToken);

        // The submitter holds the film folder only while it creates the jobs; the finish job holds it while it publishes.
        var record = await Dispatcher.SubmitAsync(render.Shots, FilmFinishJob.For(options, render), () => FilmRenderer.HoldFolder(render.FilmDirectory, render.LockPath), cancellationToken).ConfigureAwait(false);
        var outcome = FilmFinishOutcome.FromJson(record.Outcome!);
        var runs = Dispatcher.Runs(record);
        var runner = new ShotRunner(backends, render.Context, render.FilmDirectory);
        var results = new List<ShotResult>(render.Shots.Count);
        for (var i = 0; i < render.Shots.Count; i++)
        {
            results.Add(await runner.ReadBackAsync(render.Shots[i], runs[i]).ConfigureAwait(false));
        }

        var work = results.Aggregate(RenderWork.None, (sum, r) => sum + r.Work);
        var shots = new FilmRenderResult(render.FilmDirectory, results, FilmRenderer.Continuity(results), render.LockPath, outcome.LockChanges, work, outcome.Verification)
        {
            Ffmpeg = render.Context.Ffmpeg,
            Backends = BackendIdentities.Of(backends).ToList(),
        };
        return new FilmOutcome(shots, outcome.Finished);
    }
}
