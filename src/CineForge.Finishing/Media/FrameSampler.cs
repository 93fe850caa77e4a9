using System.Globalization;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Media;

/// <summary>Reads the raw RGB frames FFmpeg writes for measurement, and formats numbers for its arguments.</summary>
public static class FrameSampler
{
    /// <summary>Reads raw RGB24 frames of <paramref name="width"/> x <paramref name="height"/> from <paramref name="stream"/> to its end.</summary>
    public static List<RgbImage> ReadFrames(Stream stream, int width, int height) => Frames(stream, width, height).ToList();

    /// <summary>The raw RGB24 frames of <paramref name="stream"/> one at a time, so a measure over a long film holds one frame, not the film.</summary>
    public static IEnumerable<RgbImage> Frames(Stream stream, int width, int height)
    {
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
                    yield break;
                }

                read += n;
            }

            yield return new RgbImage(width, height, buffer);
        }
    }

    /// <summary>Invariant number formatting for FFmpeg arguments.</summary>
    internal static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
