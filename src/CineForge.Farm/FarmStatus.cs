using CineForge.Runtime.Stages;
using Hangfire.PostgreSql;
using Hangfire.States;
using Hangfire.Storage;

namespace CineForge.Farm;

/// <summary>One stage job of a film as <c>cineforge farm status</c> shows it.</summary>
/// <param name="Index">1-based shot index.</param>
/// <param name="Shot">"03-tired-mirror".</param>
/// <param name="Stage">The stage.</param>
/// <param name="Take">The take, or null for a select job.</param>
/// <param name="State">done, running, queued (also when waiting for a retry), awaiting (the stage before it), failed, or stopped (deleted when the film stopped).</param>
/// <param name="JobId">The Hangfire job, or null for a select job not created yet.</param>
/// <param name="Detail">The worker that runs or ran it, what it waits for, or why it failed.</param>
public sealed record FarmStageStatus(int Index, string Shot, ShotStage Stage, string? Take, string State, string? JobId, string Detail)
{
    /// <summary>"keyframe A", "select".</summary>
    public string Name => StageRun.Describe(Stage, Take);
}

/// <summary>A film's finish job as <c>cineforge farm status</c> shows it.</summary>
/// <param name="State">As a stage job's: done, running, queued, awaiting (the film's selections), failed or stopped.</param>
/// <param name="JobId">The Hangfire job, or null while it is not created.</param>
/// <param name="Detail">The worker that runs or ran it, what it waits for, or why it failed.</param>
public sealed record FarmFinishStatus(string State, string? JobId, string Detail);

/// <summary>A film on the farm: each of its stage jobs.</summary>
/// <param name="Title">The film's title.</param>
/// <param name="FilmDirectory">Its output folder.</param>
/// <param name="Stages">Its stage jobs, by shot.</param>
/// <param name="Stopped">Why the film stopped, or null while it renders.</param>
public sealed record FarmFilmStatus(string Title, string FilmDirectory, IReadOnlyList<FarmStageStatus> Stages, string? Stopped)
{
    /// <summary>The film's finish job, or null when only its shots were submitted.</summary>
    public FarmFinishStatus? Finish { get; init; }

    /// <summary>Every job is done; no submitter has reported the film yet (<c>render --farm</c> again does).</summary>
    public bool Done { get; init; }
}

/// <summary>What the farm is doing: live workers, and every film being rendered or stopped by a failure.</summary>
/// <param name="Workers">Worker servers with a recent heartbeat (<see cref="FarmStatus.LiveHeartbeat"/>).</param>
/// <param name="Films">The films on record.</param>
public sealed record FarmSnapshot(int Workers, IReadOnlyList<FarmFilmStatus> Films);

/// <summary>Reads the farm's films and the state of each stage job from Hangfire's storage; changes nothing.</summary>
public static class FarmStatus
{
    /// <summary>done.</summary>
    public const string Done = "done";

    /// <summary>running.</summary>
    public const string Running = "running";

    /// <summary>queued.</summary>
    public const string Queued = "queued";

    /// <summary>awaiting.</summary>
    public const string Awaiting = "awaiting";

    /// <summary>failed.</summary>
    public const string Failed = "failed";

    /// <summary>stopped.</summary>
    public const string Stopped = "stopped";

    /// <summary>A worker whose last heartbeat is older is not counted as online (workers beat every 30 s; a killed one stays listed until Hangfire times it out).</summary>
    public static readonly TimeSpan LiveHeartbeat = TimeSpan.FromMinutes(1);

    /// <summary>Every film on record with the state of each stage job, and the number of live workers.</summary>
    public static FarmSnapshot Read(PostgreSqlStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        using var connection = storage.GetConnection();
        var films = FarmFilms.All(connection)
            .Select(film => new FarmFilmStatus(film.Title, film.FilmDirectory, film.Stages.Select(stage => Describe(connection, film, stage)).ToList(), film.Stopped)
            {
                Finish = film.Finish is null ? null : Finish(connection, film),
                Done = film.Done,
            })
            .ToList();
        var live = DateTime.UtcNow - LiveHeartbeat;
        return new FarmSnapshot(storage.GetMonitoringApi().Servers().Count(s => s.Heartbeat >= live), films);
    }

    private static FarmStageStatus Describe(IStorageConnection connection, FarmFilmRecord film, FarmStageEntry stage)
    {
        var shot = $"{stage.Index:00}-{stage.Shot}";
        FarmStageStatus Row(string state, string detail) => new(stage.Index, shot, stage.Stage, stage.Take, state, stage.JobId, detail);
        if (stage.JobId is null && film.Stopped is not null)
        {
            return Row(Stopped, "the film stopped before this job was created");
        }

        if (stage.JobId is null)
        {
            var takes = film.Stages.Where(s => s.Index == stage.Index && s.Stage == ShotStage.Animate).Select(s => s.Take);
            return Row(Awaiting, $"animate {string.Join(", ", takes)}");
        }

        var data = connection.GetStateData(stage.JobId);
        if (data is null)
        {
            return Row(Stopped, "the job is gone");
        }

        var name = data.Name;
        if (name == SucceededState.StateName)
        {
            return Row(Done, StageJobPerformer.RunOf(connection, stage.JobId) is { } run ? $"{run.Worker}, {(run.Rendered ? "rendered" : "found in the store")}" : string.Empty);
        }

        if (name == ProcessingState.StateName)
        {
            return Row(Running, StageJobPerformer.WorkerOf(connection, stage.JobId) ?? Value(data, "ServerId") ?? string.Empty);
        }

        if (name == EnqueuedState.StateName)
        {
            return Row(Queued, $"queue {Value(data, "Queue") ?? FarmQueues.Of(stage.Stage)}");
        }

        if (name == ScheduledState.StateName)
        {
            return Row(Queued, data.Reason ?? "waiting for a retry");
        }

        if (name == AwaitingState.StateName)
        {
            return Row(Awaiting, film.Stages.FirstOrDefault(s => s.JobId is not null && s.JobId == Value(data, "ParentId")) is { } parent ? parent.Name : "its parent job");
        }

        if (name == FailedState.StateName)
        {
            return Row(Failed, Value(data, "ExceptionMessage") ?? data.Reason ?? string.Empty);
        }

        return Row(name == DeletedState.StateName ? Stopped : name.ToLowerInvariant(), data.Reason ?? string.Empty);
    }

    private static FarmFinishStatus Finish(IStorageConnection connection, FarmFilmRecord film)
    {
        if (film.FinishJobId is not { } id)
        {
            return new(film.Stopped is null ? Awaiting : Stopped, null, film.Stopped is null ? "every select" : "the film stopped before this job was created");
        }

        var data = connection.GetStateData(id);
        var name = data?.Name;
        return name == SucceededState.StateName || (film.Outcome is not null && name == ProcessingState.StateName) ? new(Done, id, StageJobPerformer.WorkerOf(connection, id) ?? string.Empty)
            : name == ProcessingState.StateName ? new(Running, id, StageJobPerformer.WorkerOf(connection, id) ?? string.Empty)
            : name == EnqueuedState.StateName ? new(Queued, id, $"queue {FarmQueues.Cpu}")
            : name == ScheduledState.StateName ? new(Queued, id, data!.Reason ?? "waiting for a retry")
            : name == FailedState.StateName ? new(Failed, id, Value(data!, "ExceptionMessage") ?? data!.Reason ?? string.Empty)
            : new(Stopped, id, data?.Reason ?? "the job is gone");
    }

    private static string? Value(StateData data, string name) => data.Data.TryGetValue(name, out var value) ? value : null;
}
