using System.Diagnostics;
using System.Globalization;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Media;

/// <summary>Decodes a clip back into yuv420p frames, one at a time (QA of existing clips, tests).</summary>
public static class FrameReader
{
    /// <summary>Calls <paramref name="onFrame"/> with each frame of <paramref name="clip"/> (the same buffer, refilled).</summary>
    public static async Task ReadAsync(FfmpegTool ffmpeg, string clip, int width, int height, Action<YuvFrame> onFrame, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(ffmpeg.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-hide_banner", "-loglevel", "error", "-i", clip, "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", string.Create(CultureInfo.InvariantCulture, $"{width}x{height}"), "pipe:1" })
        {
            info.ArgumentList.Add(argument);
        }

        using var stop = ffmpeg.StopOf(cancellationToken);
        stop.Token.ThrowIfCancellationRequested();
        using var process = Process.Start(info) ?? throw new RenderException($"ffmpeg ('{ffmpeg.Path}') could not be started.");
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            // Cancelled, the decoder is killed: the frame loop sees the end of its output.
            using (stop.Token.Register(() => FfmpegTool.TryKill(process)))
            {
                var frame = new YuvFrame(width, height);
                var stream = process.StandardOutput.BaseStream;
                while (frame.ReadFrom(stream))
                {
                    stop.Token.ThrowIfCancellationRequested();
                    onFrame(frame);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch
        {
            // A reader that stops early must not leave the decoder running.
            FfmpegTool.TryKill(process);
            throw;
        }

        stop.Token.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            throw new RenderException($"ffmpeg could not decode {clip}: {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }
}
