using System.Text.Json;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;
using CineForge.Serialization;
using Hangfire;
using Hangfire.Server;

namespace CineForge.Farm;

/// <summary>
/// The Hangfire job a worker runs: one <see cref="StageJob"/>, rendered against the shared store on
/// this worker's <see cref="StageHost"/>. Transient failures (I/O, a crashed tool, an input not in
/// the store yet) are retried after a pause; a refused job (plan errors, other tools or models)
/// fails at once, since a retry would fail the same way.
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
        var stageJob = StageJob.FromJson(job);
        context?.SetJobParameter(WorkerParameter, host.Worker);
        var run = await stageJob.RunAsync(host, progress: null, cancellationToken).ConfigureAwait(false);
        context?.SetJobParameter(RunParameter, JsonSerializer.Serialize(run, FilmJson.Options));
    }
}

/// <summary>Creates the worker's <see cref="StageJobPerformer"/> for every job.</summary>
internal sealed class StageJobActivator(StageJobPerformer performer) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(StageJobPerformer) ? performer : base.ActivateJob(jobType);
}
