using System.Globalization;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Media;

/// <summary>
/// Decodes a reduced copy of a clip (a few frames per second, a small frame) for measurement. Measuring
/// on RGB frames means the grade's statistics and the frames the Hald CLUT maps are the same colours.
/// </summary>
public static class FrameSampler
{
    /// <summary>Frames of <paramref name="path"/> from <paramref name="start"/> for <paramref name="duration"/> s, at <paramref name="fps"/>, scaled to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static IReadOnlyList<RgbImage> Sample(FfmpegTool ffmpeg, string path, double start, double duration, int width, int height, double fps, string? extraFilter = null)
    {
        var filter = (extraFilter is null ? string.Empty : extraFilter + ",") + $"fps={F(fps)},scale={width}:{height}:flags=area,format=rgb24";
        List<RgbImage> frames = [];
        ffmpeg.RunStreaming(
            new[] { "-ss", F(start), "-t", F(duration), "-i", path, "-vf", filter, "-f", "rawvideo", "-" },
            $"sampling frames of {path}",
            stream => frames = ReadFrames(stream, width, height));
        if (frames.Count == 0)
        {
            throw new FinishingException($"{path}: no frame could be decoded between {F(start)} s and {F(start + duration)} s.", path: path);
        }

        return frames;
    }

    /// <summary>Reads raw RGB24 frames of <paramref name="width"/> x <paramref name="height"/> from <paramref name="stream"/> to its end; <paramref name="onFrame"/> hears the count after each.</summary>
    public static List<RgbImage> ReadFrames(Stream stream, int width, int height, Action<int>? onFrame = null)
    {
        var frames = new List<RgbImage>();
        var size = width * height * 3;
        while (true)
        {
            var buffer = new byte[size];
            var read = 0;
            while (read < size)
            {
                var n = stream.Read(buffer, read, size - read);
                if (n == 0)
                {
                    return frames;
                }

                read += n;
            }

            frames.Add(new RgbImage(width, height, buffer));
            onFrame?.Invoke(frames.Count);
        }
    }

    /// <summary>Invariant number formatting for FFmpeg arguments.</summary>
    internal static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
