using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using Hangfire;

namespace CineForge.Farm;

/// <summary>What a worker serves and how it renders.</summary>
/// <param name="ConnectionString">The farm's PostgreSQL connection string.</param>
/// <param name="Queues">The queues taken, most important first: <see cref="FarmQueues.Gpu"/> (keyframe and animate jobs), <see cref="FarmQueues.Cpu"/> (select and finish jobs).</param>
/// <param name="Backends">The render backends (previz by default; models from <c>--models</c>).</param>
/// <param name="Name">The worker's name in status and job parameters; default host name and process id.</param>
/// <param name="Concurrency">Jobs rendered at once.</param>
/// <param name="FfmpegPath">ffmpeg; default as for a local render.</param>
/// <param name="Timings">Polling and invisibility timeout.</param>
public sealed record FarmWorkerOptions(string ConnectionString, IReadOnlyList<string> Queues, RenderBackends Backends, string? Name = null, int Concurrency = 1, string? FfmpegPath = null, FarmTimings? Timings = null);

/// <summary>A worker process: takes stage jobs from its queues until cancelled. Run several, on one or more machines.</summary>
public static class FarmWorker
{
    /// <summary>The name a worker reports when none is given.</summary>
    public static string DefaultName => $"{Environment.MachineName.ToLowerInvariant()}:{Environment.ProcessId}";

    /// <summary>Serves jobs until <paramref name="cancellationToken"/> fires; <paramref name="started"/> is called once the server is up.</summary>
    /// <exception cref="FarmException">The database cannot be reached.</exception>
    public static async Task RunAsync(FarmWorkerOptions options, Action<string>? started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timings = options.Timings ?? FarmTimings.Default;
        var storage = FarmStorage.Open(options.ConnectionString, timings);
        var name = options.Name ?? DefaultName;
        var host = new StageHost(name, options.Backends, options.FfmpegPath);
        var server = new BackgroundJobServerOptions
        {
            ServerName = name,
            Queues = options.Queues.ToArray(),
            WorkerCount = options.Concurrency,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            Activator = new StageJobActivator(new StageJobPerformer(host), new FinishJobPerformer(host)),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        };
        using (new BackgroundJobServer(server, storage))
        {
            started?.Invoke(name);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }
}
