using System.Text.Json;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;
using CineForge.Serialization;
using Hangfire;
using Hangfire.Server;

namespace CineForge.Farm;

/// <summary>
/// The Hangfire job a worker runs: one <see cref="StageJob"/>, rendered against the shared store on
/// this worker's <see cref="StageHost"/>, then counted by the fan-in (<see cref="FarmFanIn"/>), which
/// creates the shot's select job after its last take and the film's finish job after its last
/// selection. Transient failures (I/O, a crashed tool, an input not in the store yet) are retried
/// after a pause; a refused job (plan errors, other tools or models) fails at once, since a retry
/// would fail the same way; a job failing for good stops its film (<see cref="FarmFilmStop"/>).
/// </summary>
public sealed class StageJobPerformer(StageHost host)
{
    /// <summary>The job parameter naming the worker that ran a stage job (never part of a hash).</summary>
    public const string WorkerParameter = "worker";

    /// <summary>The job parameter holding what the stage job did (<see cref="StageRun"/> as JSON).</summary>
    public const string RunParameter = "run";

    /// <summary>Retries after the first failure; a job failing <c>Retries + 1</c> times fails the film.</summary>
    public const int Retries = 1;

    /// <summary>Seconds before the retry.</summary>
    public const int RetryDelaySeconds = 2;

    /// <summary>The worker that took job <paramref name="jobId"/>, or null when none has.</summary>
    public static string? WorkerOf(Hangfire.Storage.IStorageConnection connection, string jobId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.GetJobParameter(jobId, WorkerParameter) is { } value ? Hangfire.Common.SerializationHelper.Deserialize<string>(value) : null;
    }

    /// <summary>What job <paramref name="jobId"/> did, or null when it has not finished.</summary>
    public static StageRun? RunOf(Hangfire.Storage.IStorageConnection connection, string jobId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.GetJobParameter(jobId, RunParameter) is { } value
            ? JsonSerializer.Deserialize<StageRun>(Hangfire.Common.SerializationHelper.Deserialize<string>(value), FilmJson.Options)
            : null;
    }

    /// <summary>Runs the stage described by <paramref name="job"/> (a <see cref="StageJob"/> as JSON); <paramref name="label"/> names it in Hangfire.</summary>
    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [RetryDelaySeconds], ExceptOn = [typeof(ShotJobRefusedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("{1}")]
    public async Task RunAsync(string job, string label, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stageJob = StageJob.FromJson(job);
        context.SetJobParameter(WorkerParameter, host.Worker);
        try
        {
            var run = await stageJob.RunAsync(host, progress: null, cancellationToken).ConfigureAwait(false);
            context.SetJobParameter(RunParameter, JsonSerializer.Serialize(run, FilmJson.Options));
            FarmFanIn.StageDone(context.Storage, stageJob, context.BackgroundJob.Id);
        }
        catch (Exception ex) when (FarmFilmStop.IsFinal(ex, context, cancellationToken))
        {
            FarmFilmStop.Stop(context.Storage, stageJob.Shot.FilmDirectory, context.BackgroundJob.Id, $"{Where(stageJob)} {FarmFilmStop.Failure(context, ex)}");
            throw;
        }
    }

    /// <summary>"Shot #2 'serum', take B, keyframe stage" or "Shot #2 'serum', select stage".</summary>
    public static string Where(StageJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Where(job.Shot.Index, job.Shot.Shot, job.Stage, job.Take);
    }

    /// <summary>"Shot #2 'serum', take B, keyframe stage" or "Shot #2 'serum', select stage".</summary>
    public static string Where(int index, string shot, ShotStage stage, string? take) =>
        take is null
            ? $"Shot #{index} '{shot}', {stage.ToString().ToLowerInvariant()} stage"
            : $"Shot #{index} '{shot}', take {take}, {stage.ToString().ToLowerInvariant()} stage";
}

/// <summary>Creates the worker's <see cref="StageJobPerformer"/> and <see cref="FinishJobPerformer"/> for every job.</summary>
internal sealed class StageJobActivator(StageJobPerformer stages, FinishJobPerformer finishing) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(StageJobPerformer) ? stages
        : jobType == typeof(FinishJobPerformer) ? finishing
        : base.ActivateJob(jobType);
}
