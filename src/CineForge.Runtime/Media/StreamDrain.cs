using System.Text;

namespace CineForge.Runtime.Media;

/// <summary>
/// Reads a child process's standard error to its end on a thread of its own, so the child never
/// blocks on a full pipe while the caller reads standard output or waits. It needs no thread-pool
/// thread: <see cref="System.Diagnostics.Process.BeginErrorReadLine"/> and
/// <c>ReadToEndAsync</c> deliver through pool work items, and a caller that blocks on them from a
/// pool thread (a farm job, a finishing stage) waits forever once the pool has no thread to spare.
/// </summary>
internal sealed class StreamDrain
{
    private readonly Thread reader;
    private readonly StringBuilder text = new();
    private Exception? failure;

    private StreamDrain(TextReader source)
    {
        reader = new Thread(() => Read(source)) { IsBackground = true, Name = "stderr drain" };
        reader.Start();
    }

    /// <summary>Starts reading <paramref name="source"/> to its end.</summary>
    public static StreamDrain Start(TextReader source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new StreamDrain(source);
    }

    /// <summary>Waits until the stream has ended (every writer closed it) and returns its lines, each ended by a newline.</summary>
    /// <exception cref="IOException">Reading failed.</exception>
    public string WaitForEnd()
    {
        reader.Join();
        return failure is null ? text.ToString() : throw new IOException("Reading the child's standard error failed: " + failure.Message, failure);
    }

    private void Read(TextReader source)
    {
        try
        {
            // Line by line, as BeginErrorReadLine gave them: ffmpeg ends its progress lines with '\r'.
            while (source.ReadLine() is { } line)
            {
                text.AppendLine(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Kept for WaitForEnd: an exception on this thread would end the process.
            failure = ex;
        }
    }
}
