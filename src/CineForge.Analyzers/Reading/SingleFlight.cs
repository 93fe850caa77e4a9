using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace CineForge.Analyzers.Reading;

/// <summary>
/// A value computed once by the first caller while the others wait for it. Unlike
/// <see cref="Lazy{T}"/>, whose waiters spin on a monitor before they block, the waiters here block at
/// once: the eight family analyzers reach the same code together, and seven spinning cores' worth of
/// waiting would cost more CPU than the reading itself.
/// </summary>
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
