using System.Runtime.InteropServices;

namespace CineForge.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM cancel <see cref="Token"/> instead of ending the process: the command stops
/// where it is, removes what it was writing, releases the render lock and exits 130
/// (<see cref="ExitCodes.Cancelled"/>). A second signal ends the process at once, as if none were handled.
/// </summary>
/// <remarks>
/// System.CommandLine's own handling is switched off (<see cref="CineForgeCli.InvokeAsync"/>): it returns 130
/// two seconds after the signal whether or not the command has cleaned up, and the process exits under it.
/// </remarks>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly TextWriter errors;
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    /// <summary>Handles SIGINT and SIGTERM from now until disposed; the notice that the command is stopping goes to <paramref name="errors"/>.</summary>
    public TerminationSignals(TextWriter errors)
    {
        this.errors = errors;
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => source.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref received) > 1)
        {
            // The second one: the default action ends the process now.
            return;
        }

        context.Cancel = true;
        errors.WriteLine($"cineforge: {context.Signal} received: stopping and cleaning up (send it again to quit at once).");

        // On a thread of its own: not on the signal's, which waits for this handler, nor on the thread
        // pool, which a render's blocking stages can hold, so nothing delays the ffmpeg kills.
        new Thread(Cancel) { IsBackground = true, Name = "cancel on signal" }.Start();
    }

    private void Cancel()
    {
        try
        {
            source.Cancel();
        }
        catch (AggregateException ex)
        {
            // A failing callback must not end the process: the command still unwinds and exits 130.
            errors.WriteLine("cineforge: while stopping: " + ex.InnerException?.Message);
        }
        catch (ObjectDisposedException)
        {
            // The command had already ended.
        }
    }
}
