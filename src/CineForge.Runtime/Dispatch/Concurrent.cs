using System.Runtime.ExceptionServices;

namespace CineForge.Runtime.Dispatch;

/// <summary>
/// A stage's independent short jobs (its FFmpeg runs: probes, stems, report pictures) run a few at a
/// time, one per core: each FFmpeg run of this kind keeps about one core busy, so one after another
/// leaves the other cores idle.
/// </summary>
public static class Concurrent
{
    /// <summary>
    /// Runs <paramref name="run"/> on every item, <paramref name="parallelism"/> at a time (default: one per
    /// core), and returns the results in the items' order. The first failure stops the jobs not yet
    /// started and cancels the token the running ones hold; the failure thrown is the first in the items'
    /// order, as it was thrown (a cancellation that only follows another job's failure never hides it).
    /// </summary>
    public static IReadOnlyList<TResult> Map<T, TResult>(IReadOnlyList<T> items, Func<T, CancellationToken, TResult> run, int? parallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(run);
        var results = new TResult[items.Count];
        var failures = new Exception?[items.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;

        void Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count && !stop.IsCancellationRequested)
            {
                try
                {
                    results[index] = run(items[index], stop.Token);
                }
                catch (Exception ex)
                {
                    failures[index] = ex;
                    stop.Cancel();
                }
            }
        }

        // The calling thread is one of the workers: a single item never leaves it.
        var workers = Math.Clamp(parallelism ?? Environment.ProcessorCount, 1, Math.Max(1, items.Count));
        var others = Enumerable.Range(1, workers - 1).Select(_ => Task.Run(Worker, CancellationToken.None)).ToArray();
        Worker();
        Task.WaitAll(others, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        var first = Array.Find(failures, f => f is not null and not OperationCanceledException) ?? Array.Find(failures, f => f is not null);
        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return results;
    }

    /// <summary>Runs every job in <paramref name="jobs"/>, <paramref name="parallelism"/> at a time (see <see cref="Map{T, TResult}"/>).</summary>
    public static void Run(IReadOnlyList<Action<CancellationToken>> jobs, int? parallelism = null, CancellationToken cancellationToken = default)
        => Map(jobs, (job, token) =>
        {
            job(token);
            return true;
        }, parallelism, cancellationToken);
}
