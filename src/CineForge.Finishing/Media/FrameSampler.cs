using System.Globalization;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Media;

/// <summary>Reads the raw RGB frames FFmpeg writes for measurement, and formats numbers for its arguments.</summary>
public static class FrameSampler
{
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
