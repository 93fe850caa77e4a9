using System.Diagnostics;
using System.Globalization;
using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace CineForge.Farm;

/// <summary>Done and total jobs of one stage.</summary>
/// <param name="Done">Succeeded.</param>
/// <param name="Total">Of the film.</param>
public sealed record StageCount(int Done, int Total)
{
    /// <summary>"3/14".</summary>
    public override string ToString() => $"{Done}/{Total}";
}

/// <summary>Where a farm render stands.</summary>
/// <param name="Keyframes">Keyframe jobs done.</param>
/// <param name="Animations">Animate jobs done.</param>
/// <param name="Selections">Select jobs done.</param>
/// <param name="Running">Jobs being run by a worker.</param>
/// <param name="Queued">Jobs waiting for a worker (or for a retry).</param>
/// <param name="Awaiting">Jobs waiting for the stage before them.</param>
public sealed record FarmProgress(StageCount Keyframes, StageCount Animations, StageCount Selections, int Running, int Queued, int Awaiting);

/// <summary>
/// Runs a film's shots on the farm as Hangfire jobs, one per stage: for every take a keyframe job in
/// the <see cref="FarmQueues.Gpu"/> queue and its animate job, a continuation of it
/// (<c>ContinueJobWith</c>, only on success), in the same queue (a take whose keyframe is another
/// take's waits for that take's keyframe job, so it is drawn once); then per shot a select job in the
/// <see cref="FarmQueues.Cpu"/> queue. Open-source Hangfire has no continuation with several parents
/// (batches are Hangfire Pro), so the submitter is the fan-in: it creates a shot's select job once
/// every animate job of the shot has succeeded, and the select job itself reads each take by looking
/// only, stopping rather than choosing from a take whose clip is not complete in the store. When
/// every select job succeeded, the submitter reads each shot's result back from the store and the
/// film folder. A job that fails for good stops the film with its shot, take, stage and reason; the
/// film's other jobs are deleted, the failed one stays for <c>farm status</c>. The submitter and
/// every worker must see the store and film folder at the same path.
/// </summary>
public sealed class FarmShotDispatcher(Hangfire.PostgreSql.PostgreSqlStorage storage, FarmTimings? timings = null, IProgress<FarmProgress>? progress = null) : IShotDispatcher
{
    /// <summary>How long a job created held waits before it runs by itself: only when its submitter stopped before releasing it.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromHours(1);

    private readonly FarmTimings timings = timings ?? FarmTimings.Default;

    /// <summary>The stage jobs of the last run, in shot order, with their Hangfire ids.</summary>
    public IReadOnlyList<FarmStageEntry> Jobs { get; private set; } = [];

    /// <summary>How long the last run took to read the shots' results back once the farm was done.</summary>
    public TimeSpan ReadBackTime { get; private set; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShotResult>> RunAsync(IReadOnlyList<ShotJob> shots, ShotRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(runner);
        var runs = await SubmitAsync(shots, cancellationToken).ConfigureAwait(false);
        var readBack = Stopwatch.StartNew();
        var results = new List<ShotResult>(shots.Count);
        for (var i = 0; i < shots.Count; i++)
        {
            results.Add(await runner.ReadBackAsync(shots[i], runs[i]).ConfigureAwait(false));
        }

        ReadBackTime = readBack.Elapsed;
        return results;
    }

    /// <summary>Creates the stage jobs of <paramref name="shots"/> and waits until every select job succeeded; returns what each shot's stage jobs did, in shot order.</summary>
    /// <exception cref="RenderException">A stage job failed for good or was deleted; the message names its shot, take and stage.</exception>
    public async Task<IReadOnlyList<IReadOnlyList<StageRun>>> SubmitAsync(IReadOnlyList<ShotJob> shots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shots);
        if (shots.Count == 0)
        {
            return [];
        }

        var film = shots.Select(shot => new ShotTrack(shot)).ToList();
        var client = new BackgroundJobClient(storage);
        Jobs = [];
        try
        {
            foreach (var shot in film)
            {
                // Takes that share a keyframe: the later keyframe job waits for the earlier and finds it stored.
                var drawnBy = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < shot.Takes.Count; i++)
                {
                    var (keyframe, animate) = shot.Takes[i];
                    keyframe.Id = drawnBy.TryGetValue(shot.Shot.Keyframes[i], out var drawing)
                        ? Create(client, keyframe.Job, drawing)
                        : CreateHeld(client, keyframe.Job);
                    drawnBy.TryAdd(shot.Shot.Keyframes[i], keyframe.Id);
                    animate.Id = Create(client, animate.Job, keyframe.Id);
                }

                foreach (var held in drawnBy.Values.Distinct())
                {
                    Release(client, held);
                }
            }

            Save(film);
            await WaitAsync(client, film, cancellationToken).ConfigureAwait(false);
            var runs = Runs(film);
            FarmFilms.Remove(storage, shots[0].FilmDirectory);
            return runs;
        }
        catch (Exception ex)
        {
            // The film stops: its other jobs go; a failed job stays, with the film's record, so farm status shows why.
            using (var connection = storage.GetConnection())
            {
                foreach (var stage in film.SelectMany(s => s.All).Where(s => s.Id is not null && connection.GetStateData(s.Id)?.Name != FailedState.StateName))
                {
                    client.Delete(stage.Id);
                }
            }

            if (ex is RenderException)
            {
                Save(film, stopped: ex.Message);
            }
            else
            {
                FarmFilms.Remove(storage, shots[0].FilmDirectory);
            }

            throw;
        }
    }

    private static string Create(BackgroundJobClient client, StageJob job, string? parentId)
    {
        var queue = FarmQueues.Of(job.Stage);
        return parentId is null
            ? client.Create(JobOf(job), new EnqueuedState(queue))
            : client.ContinueJobWith<StageJobPerformer>(parentId, queue, Perform(job), new EnqueuedState(queue), JobContinuationOptions.OnlyOnSucceededState);
    }

    /// <summary>
    /// Creates <paramref name="job"/> held back from the workers until <see cref="Release"/>: a worker
    /// that took it while its continuations are attached would find the job's lock taken, and
    /// Hangfire.PostgreSql retries a taken lock only after up to a second. Should the submitter stop
    /// before releasing it, the job runs after <see cref="Hold"/> and finds or fills the store.
    /// </summary>
    private static string CreateHeld(BackgroundJobClient client, StageJob job) =>
        client.Create(JobOf(job), new ScheduledState(Hold) { Reason = "held until its continuations are attached" });

    private static void Release(BackgroundJobClient client, string id)
    {
        if (!client.ChangeState(id, new EnqueuedState(FarmQueues.Of(ShotStage.Keyframe)), ScheduledState.StateName))
        {
            throw new RenderException($"The farm job {id} left its held state before the submitter released it.");
        }
    }

    // The queue is part of the job, not only of its first state, so a retry returns to it.
    private static Job JobOf(StageJob job) => Job.FromExpression(Perform(job), FarmQueues.Of(job.Stage));

    private static System.Linq.Expressions.Expression<Func<StageJobPerformer, Task>> Perform(StageJob job)
    {
        var json = job.ToJson();
        var label = job.Label;
        return p => p.RunAsync(json, label, null, CancellationToken.None);
    }

    private async Task WaitAsync(BackgroundJobClient client, IReadOnlyList<ShotTrack> film, CancellationToken cancellationToken)
    {
        var all = film.SelectMany(s => s.All).ToList();
        while (true)
        {
            using (var connection = storage.GetConnection())
            {
                foreach (var stage in all.Where(s => s.Id is not null && !s.Succeeded))
                {
                    var state = connection.GetStateData(stage.Id);
                    stage.State = state?.Name;
                    if (state?.Name == FailedState.StateName)
                    {
                        throw Failure(connection, stage, state);
                    }

                    if (state is null || state.Name == DeletedState.StateName)
                    {
                        throw new RenderException($"{Where(stage.Job)}: its farm job {stage.Id} was deleted.");
                    }
                }
            }

            // The fan-in: a shot's select job exists only once every take of the shot is animated.
            var ready = film.Where(s => s.Select.Id is null && s.Takes.All(t => t.Animate.Succeeded)).ToList();
            foreach (var shot in ready)
            {
                shot.Select.Id = Create(client, shot.Select.Job, parentId: null);
            }

            if (ready.Count > 0)
            {
                Save(film);
            }

            progress?.Report(Progress(all));
            if (film.All(s => s.Select.Succeeded))
            {
                return;
            }

            await Task.Delay(timings.StatusPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    private IReadOnlyList<IReadOnlyList<StageRun>> Runs(IReadOnlyList<ShotTrack> film)
    {
        using var connection = storage.GetConnection();
        return film.Select(shot => (IReadOnlyList<StageRun>)shot.All
            .Select(stage => StageJobPerformer.RunOf(connection, stage.Id!) ?? throw new RenderException($"{Where(stage.Job)}: its farm job {stage.Id} succeeded without saying what it did."))
            .ToList()).ToList();
    }

    private void Save(IReadOnlyList<ShotTrack> film, string? stopped = null)
    {
        var stages = film.SelectMany(s => s.All).Select(s => new FarmStageEntry(s.Job.Shot.Index, s.Job.Shot.Shot, s.Job.Stage, s.Job.Take, s.Id)).ToList();
        Jobs = stages;
        FarmFilms.Save(storage, new FarmFilmRecord(film[0].Shot.Title, film[0].Shot.FilmDirectory, stages, stopped));
    }

    private static FarmProgress Progress(IReadOnlyList<StageTrack> all)
    {
        StageCount Count(ShotStage stage) => new(all.Count(s => s.Job.Stage == stage && s.Succeeded), all.Count(s => s.Job.Stage == stage));
        return new FarmProgress(
            Count(ShotStage.Keyframe),
            Count(ShotStage.Animate),
            Count(ShotStage.Select),
            all.Count(s => s.State == ProcessingState.StateName),
            all.Count(s => s.State == EnqueuedState.StateName || s.State == ScheduledState.StateName),
            all.Count(s => s.Id is null || s.State == AwaitingState.StateName));
    }

    private static RenderException Failure(IStorageConnection connection, StageTrack stage, StateData state)
    {
        var reason = state.Data.TryGetValue("ExceptionMessage", out var message) ? message : state.Reason;
        var retries = int.TryParse(connection.GetJobParameter(stage.Id, "RetryCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        return new RenderException($"{Where(stage.Job)} failed on the farm after {retries + 1} attempt{(retries == 0 ? string.Empty : "s")} (job {stage.Id}): {reason}");
    }

    /// <summary>"Shot #2 'serum', take B, keyframe stage" or "Shot #2 'serum', select stage".</summary>
    private static string Where(StageJob job) =>
        job.Take is null
            ? $"Shot #{job.Shot.Index} '{job.Shot.Shot}', {job.Stage.ToString().ToLowerInvariant()} stage"
            : $"Shot #{job.Shot.Index} '{job.Shot.Shot}', take {job.Take}, {job.Stage.ToString().ToLowerInvariant()} stage";

    /// <summary>A stage job of this run and the state last read.</summary>
    private sealed class StageTrack(StageJob job)
    {
        public StageJob Job { get; } = job;

        public string? Id { get; set; }

        public string? State { get; set; }

        public bool Succeeded => State == SucceededState.StateName;
    }

    /// <summary>A shot's stage jobs: keyframe and animate per take, then select.</summary>
    private sealed class ShotTrack
    {
        public ShotTrack(ShotJob shot)
        {
            Shot = shot;
            var stages = shot.Stages();
            Takes = stages.Where(s => s.Stage == ShotStage.Keyframe)
                .Select(k => (new StageTrack(k), new StageTrack(stages.Single(a => a.Stage == ShotStage.Animate && a.Take == k.Take))))
                .ToList();
            Select = new StageTrack(stages.Single(s => s.Stage == ShotStage.Select));
        }

        public ShotJob Shot { get; }

        public IReadOnlyList<(StageTrack Keyframe, StageTrack Animate)> Takes { get; }

        public StageTrack Select { get; }

        public IEnumerable<StageTrack> All => Takes.SelectMany(t => new[] { t.Keyframe, t.Animate }).Append(Select);
    }
}
