namespace CineForge.Runtime.Dispatch;

/// <summary>
/// Runs the shots of a film. Each shot is a small graph of stage jobs: per take a keyframe job, then
/// its animate job; once every take is animated, the shot's select job. Shots are independent; the
/// film waits for all of them. In-process by default; a farm dispatcher (Hangfire) runs each stage
/// job on a worker (<see cref="StageJob"/>: plain data rendered against the shared store) and then
/// reads each shot's result back with <see cref="ShotRunner.ReadBackAsync"/>.
/// </summary>
public interface IShotDispatcher
{
    /// <summary>Runs every shot's stage jobs and returns the shots' results in order; the first failure stops the film and is rethrown.</summary>
    Task<IReadOnlyList<ShotResult>> RunAsync(IReadOnlyList<ShotJob> shots, ShotRunner runner, CancellationToken cancellationToken);
}

/// <summary>Runs shots in this process, at most <see cref="Parallelism"/> at a time (<c>--parallel N</c>), each shot's stages one after the other.</summary>
public sealed class InProcessShotDispatcher(int parallelism = 1) : IShotDispatcher
{
    /// <summary>Shots rendered at once.</summary>
    public int Parallelism { get; } = parallelism >= 1 ? parallelism : throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "At least one shot must run at a time.");

    /// <inheritdoc />
    public async Task<IReadOnlyList<ShotResult>> RunAsync(IReadOnlyList<ShotJob> shots, ShotRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(runner);
        var results = new ShotResult[shots.Count];
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        Exception? firstFailure = null;
        async Task Worker()
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= shots.Count || failed.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    results[index] = await Task.Run(() => runner.RenderAsync(shots[index], failed.Token), failed.Token).ConfigureAwait(false);
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

        await Task.WhenAll(Enumerable.Range(0, Math.Min(Parallelism, Math.Max(1, shots.Count))).Select(_ => Worker())).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (firstFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstFailure);
        }

        return results;
    }
}
