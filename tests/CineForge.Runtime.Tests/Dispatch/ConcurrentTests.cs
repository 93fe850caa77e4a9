using CineForge.Runtime.Dispatch;

namespace CineForge.Runtime.Tests.Dispatch;

/// <summary>A stage's short jobs run a few at a time: results in order, really at once, the first failure in the items' order thrown as it was.</summary>
public sealed class ConcurrentTests
{
    [Fact]
    public void Results_ComeBackInTheItemsOrder()
    {
        var items = Enumerable.Range(0, 40).ToList();

        // Later items finish first: the order of the results is still the items'.
        var results = Concurrent.Map(items, (i, _) =>
        {
            Thread.Sleep((40 - i) % 5);
            return i * i;
        }, parallelism: 4);

        Assert.Equal(items.Select(i => i * i), results);
    }

    [Fact]
    public void Jobs_RunAtTheSameTime_UpToTheParallelism()
    {
        var running = 0;
        var most = 0;
        using var together = new Barrier(2);

        // Two jobs that each wait for the other: they finish only when both run at once.
        Concurrent.Run(
        [
            _ => Track(() => Assert.True(together.SignalAndWait(TimeSpan.FromSeconds(10)), "the second job never ran beside the first")),
            _ => Track(() => Assert.True(together.SignalAndWait(TimeSpan.FromSeconds(10)), "the first job never ran beside the second")),
            _ => Track(() => Thread.Sleep(5)),
            _ => Track(() => Thread.Sleep(5)),
        ], parallelism: 2);

        Assert.Equal(2, most);

        void Track(Action job)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            try
            {
                job();
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }
    }

    [Fact]
    public void OneAtATime_RunsOnTheCallersThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threads = Concurrent.Map(Enumerable.Range(0, 5).ToList(), (_, _) => Environment.CurrentManagedThreadId, parallelism: 1);

        Assert.All(threads, t => Assert.Equal(caller, t));
    }

    [Fact]
    public void TheFirstFailureInTheItemsOrder_IsThrownAsItWas_AndStopsTheRest()
    {
        var started = 0;
        using var secondFailed = new ManualResetEventSlim();

        // Item 3 fails first in time; item 1 fails after it. Item 1's failure is the one thrown, unwrapped.
        var thrown = Assert.Throws<InvalidOperationException>(() => Concurrent.Map(Enumerable.Range(0, 50).ToList(), (i, _) =>
        {
            Interlocked.Increment(ref started);
            switch (i)
            {
                case 1:
                    secondFailed.Wait(TimeSpan.FromSeconds(10));
                    throw new InvalidOperationException("item 1");
                case 3:
                    secondFailed.Set();
                    throw new ArgumentException("item 3");
                default:
                    return i;
            }
        }, parallelism: 2));

        Assert.Equal("item 1", thrown.Message);
        Assert.True(started < 50, $"the jobs after the failure still started ({started} of 50)");
    }

    [Fact]
    public void AFailure_CancelsTheTokenTheRunningJobsHold()
    {
        using var failed = new ManualResetEventSlim();
        var cancelled = false;

        var thrown = Assert.Throws<IOException>(() => Concurrent.Run(
        [
            token =>
            {
                failed.Wait(TimeSpan.FromSeconds(10));
                cancelled = token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
                token.ThrowIfCancellationRequested();
            },
            _ =>
            {
                failed.Set();
                throw new IOException("the second job's file");
            },
        ], parallelism: 2));

        // The first job's cancellation follows the second's failure, so the failure is what is thrown.
        Assert.True(cancelled);
        Assert.Equal("the second job's file", thrown.Message);
    }

    [Fact]
    public void TheCallersCancellation_IsThrownAsACancellation()
    {
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => Concurrent.Map(Enumerable.Range(0, 10).ToList(), (i, token) =>
        {
            if (i == 2)
            {
                cancel.Cancel();
            }

            token.ThrowIfCancellationRequested();
            return i;
        }, parallelism: 1, cancellationToken: cancel.Token));
    }

    [Fact]
    public void NoItems_NoWork()
    {
        Assert.Empty(Concurrent.Map(Array.Empty<int>(), (i, _) => i));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
