using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Media;
using Hangfire;
using Hangfire.Server;

namespace CineForge.Farm;

/// <summary>
/// The Hangfire job a worker runs: one <see cref="ShotJob"/>, rendered against the shared store
/// with this worker's backends. Transient failures (I/O, a crashed tool) are retried after a
/// pause; a refused job (plan errors, other tools or models) fails at once, since a retry would
/// fail the same way.
/// </summary>
public sealed class ShotJobPerformer(RenderBackends backends, string? ffmpegPath, string workerName)
{
    // Located once per worker: probing ffmpeg's version for every job would cost more than the farm's own overhead.
    private readonly Lazy<FfmpegTool> ffmpeg = new(() => FfmpegTool.Locate(ffmpegPath));

    /// <summary>The job parameter naming the worker that rendered a shot (not part of any hash).</summary>
    public const string WorkerParameter = "worker";

    /// <summary>The worker that took job <paramref name="jobId"/>, or null when none has.</summary>
    public static string? WorkerOf(Hangfire.Storage.IStorageConnection connection, string jobId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.GetJobParameter(jobId, WorkerParameter) is { } value ? Hangfire.Common.SerializationHelper.Deserialize<string>(value) : null;
    }

    /// <summary>Retries after the first failure; a job failing <c>Retries + 1</c> times fails the film.</summary>
    public const int Retries = 1;

    /// <summary>Renders the shot described by <paramref name="job"/> (a <see cref="ShotJob"/> as JSON).</summary>
    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [2], ExceptOn = [typeof(ShotJobRefusedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("render shot {1}")]
    public async Task RenderAsync(string job, string shot, PerformContext? context, CancellationToken cancellationToken)
    {
        var shotJob = ShotJob.FromJson(job);
        context?.SetJobParameter(WorkerParameter, workerName);
        await shotJob.RunAsync(backends, ffmpeg.Value, progress: null, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Creates the worker's <see cref="ShotJobPerformer"/> for every job.</summary>
internal sealed class ShotJobActivator(ShotJobPerformer performer) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(ShotJobPerformer) ? performer : base.ActivateJob(jobType);
}
