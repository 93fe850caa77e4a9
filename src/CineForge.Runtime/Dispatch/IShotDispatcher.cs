namespace CineForge.Runtime.Dispatch;

/// <summary>
/// Runs the shots of a film. Shots are independent jobs (keyframe → correct → animate → select);
/// the film waits for all of them. In-process by default; a farm dispatcher (Hangfire) plugs in
/// here: the renderer's jobs are <see cref="ShotJob"/>s, plain data a worker renders against the
/// shared artefact store, after which <c>execute</c> on the submitter finds every artefact in the
/// store and only reads the shot's result back.
/// </summary>
public interface IShotDispatcher
{
    /// <summary>Runs every job and returns the results in job order; the first failure cancels the rest and is rethrown.</summary>
    Task<IReadOnlyList<TResult>> RunAsync<TJob, TResult>(IReadOnlyList<TJob> jobs, Func<TJob, CancellationToken, Task<TResult>> execute, CancellationToken cancellationToken);
}

/// <summary>Runs shot jobs in this process, at most <see cref="Parallelism"/> at a time (<c>--parallel N</c>).</summary>
public sealed class InProcessShotDispatcher(int parallelism = 1) : IShotDispatcher
{
    /// <summary>Shots rendered at once.</summary>
    public int Parallelism { get; } = parallelism >= 1 ? parallelism : throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "At least one shot must run at a time.");

    /// <inheritdoc />
    public async Task<IReadOnlyList<TResult>> RunAsync<TJob, TResult>(IReadOnlyList<TJob> jobs, Func<TJob, CancellationToken, Task<TResult>> execute, CancellationToken cancellationToken)
    {
        var results = new TResult[jobs.Count];
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        Exception? firstFailure = null;
        async Task Worker()
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= jobs.Count || failed.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    results[index] = await Task.Run(() => execute(jobs[index], failed.Token), failed.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    if (Interlocked.CompareExchange(ref firstFailure, ex, null) is null)
                    {
                        await failed.CancelAsync().ConfigureAwait(false);
                    }

                    return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(Parallelism, Math.Max(1, jobs.Count))).Select(_ => Worker())).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (firstFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstFailure);
        }

        return results;
    }
}
