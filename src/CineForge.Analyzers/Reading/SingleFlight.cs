using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace CineForge.Analyzers.Reading;

/// <summary>
/// A value computed once by the first caller while the others wait for it. Unlike
/// <see cref="Lazy{T}"/>, whose waiters spin on a monitor before they block, the waiters here block at
/// once: the eight family analyzers reach the same code together, and seven spinning cores' worth of
/// waiting would cost more CPU than the reading itself.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Waiters may still be inside Wait when the value is ready, so the event is never disposed; a slim event holds no kernel handle unless one is asked for.")]
internal sealed class SingleFlight<T>
{
    private readonly Func<T> compute;
    private readonly ManualResetEventSlim done = new(false, spinCount: 1);
    private int claimed;
    private T? value;
    private ExceptionDispatchInfo? failure;

    public SingleFlight(Func<T> compute) => this.compute = compute;

    public T Value
    {
        get
        {
            if (Interlocked.Exchange(ref claimed, 1) == 0)
            {
                try
                {
                    value = compute();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
                finally
                {
                    done.Set();
                }
            }
            else
            {
                done.Wait();
            }

            failure?.Throw();
            return value!;
        }
    }
}
