using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace CineForge.Farm;

/// <summary>Where a farm render stands: jobs per state.</summary>
/// <param name="Total">Shot jobs of the film.</param>
/// <param name="Queued">Waiting for a worker (or for a retry).</param>
/// <param name="Running">Being rendered.</param>
/// <param name="Done">Rendered.</param>
public sealed record FarmProgress(int Total, int Queued, int Running, int Done);

/// <summary>
/// Runs a film's shots on the farm: one Hangfire job per <see cref="ShotJob"/> in the
/// <see cref="FarmQueues.Gpu"/> queue, waits until every job succeeded (reporting progress), then
/// lets the renderer read each shot's result back from the shared store, where every artefact now
/// is. A job that fails for good stops the film with its shot and reason; the film's other jobs are
/// deleted, the failed one stays for <c>farm status</c>. The submitter and every worker must see the store and film folder at the same path.
/// </summary>
public sealed class FarmShotDispatcher(Hangfire.PostgreSql.PostgreSqlStorage storage, FarmTimings? timings = null, IProgress<FarmProgress>? progress = null) : IShotDispatcher
{
    private readonly FarmTimings timings = timings ?? FarmTimings.Default;

    /// <summary>Jobs of the last run, in shot order (for status and tests).</summary>
    public IReadOnlyList<string> JobIds { get; private set; } = [];

    /// <summary>How long the last run took to read the shots' results back from the store once the farm was done.</summary>
    public TimeSpan ReadBackTime { get; private set; }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">The jobs are not <see cref="ShotJob"/>s: only plain data can cross to a worker.</exception>
    public async Task<IReadOnlyList<TResult>> RunAsync<TJob, TResult>(IReadOnlyList<TJob> jobs, Func<TJob, CancellationToken, Task<TResult>> execute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(execute);
        var shotJobs = jobs.Select(j => j as ShotJob ?? throw new NotSupportedException($"The farm runs {nameof(ShotJob)}s only, not {typeof(TJob).Name}.")).ToList();
        var client = new BackgroundJobClient(storage);
        var ids = shotJobs.Select(job => client.Create(
            // The queue is part of the job, not only of its first state, so a retry returns to it.
            Job.FromExpression<ShotJobPerformer>(p => p.RenderAsync(job.ToJson(), Label(job), null, CancellationToken.None), FarmQueues.Gpu),
            new EnqueuedState(FarmQueues.Gpu))).ToList();
        JobIds = ids;
        try
        {
            await WaitAsync(shotJobs, ids, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The film stops: its other jobs go; a failed job stays, so farm status shows why.
            using var connection = storage.GetConnection();
            foreach (var id in ids.Where(id => connection.GetStateData(id)?.Name != "Failed"))
            {
                client.Delete(id);
            }

            throw;
        }

        var readBack = System.Diagnostics.Stopwatch.StartNew();
        var results = new List<TResult>(jobs.Count);
        foreach (var job in jobs)
        {
            results.Add(await execute(job, cancellationToken).ConfigureAwait(false));
        }

        ReadBackTime = readBack.Elapsed;

        return results;
    }

    /// <summary>"03-tired-mirror of Lumiere Serum": a job's name in status and errors.</summary>
    public static string Label(ShotJob job) => $"{job.Index:00}-{job.Shot} of {job.Title}";

    private async Task WaitAsync(IReadOnlyList<ShotJob> jobs, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        while (true)
        {
            int queued = 0, running = 0, done = 0;
            using (var connection = storage.GetConnection())
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    var state = connection.GetStateData(ids[i]);
                    switch (state?.Name)
                    {
                        case "Succeeded":
                            done++;
                            break;
                        case "Processing":
                            running++;
                            break;
                        case "Failed":
                            var reason = state.Data.TryGetValue("ExceptionMessage", out var message) ? message : state.Reason;
                            throw new RenderException($"Shot #{jobs[i].Index} '{jobs[i].Shot}' failed on the farm (job {ids[i]}): {reason}");
                        case "Deleted":
                            throw new RenderException($"Shot #{jobs[i].Index} '{jobs[i].Shot}': its farm job {ids[i]} was deleted.");
                        default:
                            queued++;
                            break;
                    }
                }
            }

            progress?.Report(new FarmProgress(ids.Count, queued, running, done));
            if (done == ids.Count)
            {
                return;
            }

            await Task.Delay(timings.StatusPoll, cancellationToken).ConfigureAwait(false);
        }
    }
}
