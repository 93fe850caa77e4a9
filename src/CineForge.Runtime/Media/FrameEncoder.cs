using System.Diagnostics;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Media;

/// <summary>
/// Streams yuv420p frames into one ffmpeg process through its stdin. One frame is in flight at a
/// time; a clip is never held in memory. Dispose without <see cref="CompleteAsync"/> kills ffmpeg.
/// </summary>
public sealed class FrameEncoder : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly StreamDrain errors;
    private readonly string output;
    private bool completed;

    private FrameEncoder(Process process, string output)
    {
        this.process = process;
        this.output = output;
        input = process.StandardInput.BaseStream;
        errors = StreamDrain.Start(process.StandardError);
        PipeBuffer.Widen(input);
    }

    /// <summary>Starts ffmpeg writing <paramref name="output"/>.</summary>
    public static FrameEncoder Start(FfmpegTool ffmpeg, ClipEncoding encoding, int width, int height, int fps, string output)
    {
        var info = new ProcessStartInfo(ffmpeg.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        foreach (var argument in encoding.Arguments(width, height, fps, output))
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return new FrameEncoder(Process.Start(info) ?? throw new RenderException($"ffmpeg ('{ffmpeg.Path}') could not be started."), output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RenderException($"ffmpeg ('{ffmpeg.Path}') could not be started: {ex.Message}", ex);
        }
    }

    /// <summary>Frames written so far.</summary>
    public int FramesWritten { get; private set; }

    /// <summary>Writes one frame.</summary>
    public void Write(YuvFrame frame)
    {
        try
        {
            frame.WriteTo(input);
            FramesWritten++;
        }
        catch (IOException ex)
        {
            throw Failure($"stopped reading frames at frame {FramesWritten}", ex);
        }
    }

    /// <summary>Closes the stream and waits for ffmpeg to finish the file.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await input.FlushAsync(cancellationToken).ConfigureAwait(false);
            input.Close();
        }
        catch (IOException ex)
        {
            throw Failure("failed while finishing the clip", ex);
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        completed = true;
        if (process.ExitCode != 0)
        {
            throw Failure($"exited with code {process.ExitCode}", null);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!completed && !process.HasExited)
        {
            FfmpegTool.TryKill(process);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
    }

    private RenderException Failure(string what, Exception? inner)
    {
        var stderr = process.HasExited || completed ? errors.WaitForEnd().Trim() : string.Empty;
        return new RenderException($"ffmpeg {what} while writing {output}{(stderr.Length > 0 ? ": " + stderr : ".")}", inner);
    }
}
