using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CineForge.Finishing;
using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;
using Hangfire;
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
/// <param name="Finish">The finish job done, or null when only the shots were submitted.</param>
/// <param name="Attached">The film was on the farm already: this submitter watches it instead of submitting it again.</param>
public sealed record FarmProgress(StageCount Keyframes, StageCount Animations, StageCount Selections, int Running, int Queued, int Awaiting, StageCount? Finish = null, bool Attached = false);

/// <summary>
/// Puts a film's shots on the farm as Hangfire jobs, one per stage, and watches them: for every take
/// a keyframe job in the <see cref="FarmQueues.Gpu"/> queue and its animate job, a continuation of it
/// (<c>ContinueJobWith</c>, only on success), in the same queue (a take whose keyframe is another
/// take's waits for that take's keyframe job, so it is drawn once); per shot a select job in the
/// <see cref="FarmQueues.Cpu"/> queue, and, given one, the film's finish job there too. The workers
/// create the select and finish jobs themselves as their inputs complete (<see cref="FarmFanIn"/>) and
/// stop the film when a job fails for good (<see cref="FarmFilmStop"/>): the submitter only creates
/// the first jobs and the film's record, then watches the record. Submitting a film the farm already
/// renders with the same jobs attaches to it, so a submitter that was killed can be started again.
/// A cancelled submitter stops watching; the film goes on. The submitter and every worker must see
/// the store and film folder at the same path.
/// </summary>
public sealed class FarmShotDispatcher(Hangfire.PostgreSql.PostgreSqlStorage storage, FarmTimings? timings = null, IProgress<FarmProgress>? progress = null) : IShotDispatcher
{
    private readonly FarmTimings timings = timings ?? FarmTimings.Default;

    /// <summary>The stage jobs of the last film submitted or attached to, in shot order, with their Hangfire ids as last read.</summary>
    public IReadOnlyList<FarmStageEntry> Jobs { get; private set; } = [];

    /// <summary>The last submission found its film on the farm with the same jobs and watched it instead of creating any.</summary>
    public bool Attached { get; private set; }

    /// <summary>How long the last run took to read the shots' results back once the farm was done.</summary>
    public TimeSpan ReadBackTime { get; private set; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShotResult>> RunAsync(IReadOnlyList<ShotJob> shots, ShotRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(runner);
        if (shots.Count == 0)
        {
            return [];
        }

        var runs = Runs(await SubmitAsync(shots, cancellationToken).ConfigureAwait(false));
        var readBack = Stopwatch.StartNew();
        var results = new List<ShotResult>(shots.Count);
        for (var i = 0; i < shots.Count; i++)
        {
            results.Add(await runner.ReadBackAsync(shots[i], runs[i]).ConfigureAwait(false));
        }

        ReadBackTime = readBack.Elapsed;
        return results;
    }

    /// <summary>Puts <paramref name="shots"/> on the farm (or attaches to them) and waits until every select job is done; returns the film's record, removed from the farm.</summary>
    /// <exception cref="RenderException">A stage job failed for good or was deleted; the message names its shot, take and stage.</exception>
    public Task<FarmFilmRecord> SubmitAsync(IReadOnlyList<ShotJob> shots, CancellationToken cancellationToken) => SubmitAsync(shots, finish: null, holdFolder: null, cancellationToken);

    /// <summary>
    /// Puts <paramref name="shots"/> and, when given, the <paramref name="finish"/> job that ends the film on the
    /// farm, holding <paramref name="holdFolder"/> while it creates them; or, when the farm renders (or has
    /// rendered, unreported) the film with the same jobs, attaches to it. Waits until the film is done and
    /// returns its record, removed from the farm: the film has been reported.
    /// </summary>
    /// <exception cref="RenderException">A job failed for good or was deleted (the message names its shot, take and stage), or the farm renders the film's folder with other jobs.</exception>
    public async Task<FarmFilmRecord> SubmitAsync(IReadOnlyList<ShotJob> shots, FilmFinishJob? finish, Func<IDisposable>? holdFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentOutOfRangeException.ThrowIfZero(shots.Count);
        var directory = Submit(shots, finish?.ToJson(), holdFolder);
        var done = await WaitAsync(directory, cancellationToken).ConfigureAwait(false);
        FarmFilms.Remove(storage, directory);
        return done;
    }

    /// <summary>What each shot's stage jobs did, in shot order, as the workers recorded it.</summary>
    /// <exception cref="RenderException">A job succeeded without saying what it did.</exception>
    public IReadOnlyList<IReadOnlyList<StageRun>> Runs(FarmFilmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = storage.GetConnection();
        return record.Stages.GroupBy(s => s.Index).OrderBy(g => g.Key)
            .Select(shot => (IReadOnlyList<StageRun>)shot
                .Select(stage => StageJobPerformer.RunOf(connection, stage.JobId!) ?? throw new RenderException($"{Where(stage)}: its farm job {stage.JobId} succeeded without saying what it did."))
                .ToList())
            .ToList();
    }

    // Creates the film's first jobs and its record under the film's lock, or attaches to its record; returns the film folder.
    private string Submit(IReadOnlyList<ShotJob> shots, string? finish, Func<IDisposable>? holdFolder)
    {
        var directory = shots[0].FilmDirectory;
        var submission = Hash(shots, finish);
        var client = new BackgroundJobClient(storage);
        using var connection = storage.GetConnection();
        using (FarmFilms.Lock(connection, directory))
        {
            if (FarmFilms.Read(connection, directory) is { } existing)
            {
                if (existing.Stopped is null && existing.Submission == submission)
                {
                    // A submitter that stopped between saving the record and releasing its keyframe jobs left them held: release them now.
                    foreach (var keyframe in existing.Stages.Where(s => s.Stage == ShotStage.Keyframe && s.JobId is not null))
                    {
                        client.ChangeState(keyframe.JobId, new EnqueuedState(FarmQueues.Gpu), ScheduledState.StateName);
                    }

                    (Attached, Jobs) = (true, existing.Stages);
                    return directory;
                }

                if (existing.Live)
                {
                    throw new RenderException($"{directory} is being rendered on the farm from another plan or with other settings ('cineforge farm status' shows it): wait until it is done, or render into another folder.");
                }
            }

            using (holdFolder?.Invoke())
            {
                var (stages, held) = Create(client, shots);
                FarmFilms.Save(storage, new FarmFilmRecord(shots[0].Title, directory, stages) { Submission = submission, Finish = finish });
                foreach (var id in held)
                {
                    FarmJobs.Release(client, id);
                }

                (Attached, Jobs) = (false, stages);
                return directory;
            }
        }
    }

    // Every shot's keyframe and animate jobs, the keyframe jobs that draw held; select jobs are left to the fan-in.
    private static (List<FarmStageEntry> Stages, List<string> Held) Create(BackgroundJobClient client, IReadOnlyList<ShotJob> shots)
    {
        var stages = new List<FarmStageEntry>();
        var held = new List<string>();
        foreach (var shot in shots)
        {
            // Takes that share a keyframe: the later keyframe job waits for the earlier and finds it stored.
            var drawnBy = new Dictionary<string, string>(StringComparer.Ordinal);
            var keyframeJob = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var job in shot.Stages())
            {
                string? id = null;
                if (job.Stage == ShotStage.Keyframe)
                {
                    var key = shot.Keyframes[shot.Takes.ToList().IndexOf(job.Take!)];
                    if (drawnBy.TryGetValue(key, out var drawing))
                    {
                        id = FarmJobs.Create(client, job, drawing);
                    }
                    else
                    {
                        id = FarmJobs.CreateHeld(client, job);
                        drawnBy[key] = id;
                        held.Add(id);
                    }

                    keyframeJob[job.Take!] = id;
                }
                else if (job.Stage == ShotStage.Animate)
                {
                    id = FarmJobs.Create(client, job, keyframeJob[job.Take!]);
                }

                stages.Add(new FarmStageEntry(shot.Index, shot.Shot, job.Stage, job.Take, id));
            }
        }

        return (stages, held);
    }

    private async Task<FarmFilmRecord> WaitAsync(string directory, CancellationToken cancellationToken)
    {
        while (true)
        {
            using (var connection = storage.GetConnection())
            {
                var record = FarmFilms.Read(connection, directory) ?? throw new RenderException($"The farm's record of {directory} was removed while the film rendered.");
                if (record.Stopped is { } reason)
                {
                    throw new RenderException(reason);
                }

                var states = record.JobIds.ToDictionary(id => id, id => (StateData?)connection.GetStateData(id), StringComparer.Ordinal);
                if (Lost(connection, record, states) is { } lost)
                {
                    // A job failed or went without its worker stopping the film (it failed before its stage ran): stop it here.
                    FarmFilmStop.Stop(storage, directory, lost.JobId, lost.Reason);
                    throw new RenderException(FarmFilms.Read(connection, directory)?.Stopped ?? lost.Reason);
                }

                Jobs = record.Stages;
                progress?.Report(Progress(record, states));
                if (record.Done)
                {
                    return record;
                }
            }

            await Task.Delay(timings.StatusPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    // The first job of the film that failed or is gone, with the reason that stops the film.
    private static (string JobId, string Reason)? Lost(IStorageConnection connection, FarmFilmRecord record, Dictionary<string, StateData?> states)
    {
        var jobs = record.Stages.Where(s => s.JobId is not null).Select(s => (Id: s.JobId!, Where: Where(s)));
        if (record.FinishJobId is { } finishId)
        {
            jobs = jobs.Append((finishId, $"The finishing of '{record.Title}'"));
        }

        foreach (var (id, where) in jobs)
        {
            var state = states[id];
            if (state?.Name == FailedState.StateName)
            {
                var message = state.Data.TryGetValue("ExceptionMessage", out var text) ? text : state.Reason;
                var retries = int.TryParse(connection.GetJobParameter(id, "RetryCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
                return (id, $"{where} failed on the farm after {retries + 1} attempt{(retries == 0 ? string.Empty : "s")} (job {id}): {message}");
            }

            if (state is null || state.Name == DeletedState.StateName)
            {
                return (id, $"{where}: its farm job {id} was deleted.");
            }
        }

        return null;
    }

    private FarmProgress Progress(FarmFilmRecord record, Dictionary<string, StateData?> states)
    {
        // A job counts as done once the fan-in has counted it: its worker marks it before Hangfire does. The finish job has no stage.
        var all = record.Stages.Select(s => (Stage: (ShotStage?)s.Stage, s.Done, State: s.JobId is null ? null : states[s.JobId]?.Name)).ToList();
        if (record.Finish is not null)
        {
            all.Add((Stage: null, Done: record.Outcome is not null, State: record.FinishJobId is null ? null : states[record.FinishJobId]?.Name));
        }

        StageCount Count(ShotStage stage) => new(all.Count(s => s.Stage == stage && s.Done), all.Count(s => s.Stage == stage));
        var open = all.Where(s => !s.Done).ToList();
        return new FarmProgress(
            Count(ShotStage.Keyframe),
            Count(ShotStage.Animate),
            Count(ShotStage.Select),
            open.Count(s => s.State == ProcessingState.StateName),
            open.Count(s => s.State == EnqueuedState.StateName || s.State == ScheduledState.StateName),
            open.Count(s => s.State is null || s.State == AwaitingState.StateName),
            record.Finish is null ? null : new StageCount(record.Outcome is null ? 0 : 1, 1),
            Attached);
    }

    private static string Where(FarmStageEntry stage) => StageJobPerformer.Where(stage.Index, stage.Shot, stage.Stage, stage.Take);

    // What was submitted: a submitter of the same jobs attaches, any other is a new film.
    private static string Hash(IReadOnlyList<ShotJob> shots, string? finish) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', shots.Select(s => s.ToJson()).Append(finish ?? string.Empty)))));
}
