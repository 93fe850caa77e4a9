using CineForge.Finishing.Media;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Grade;

/// <summary>Writes a colour map as a Hald CLUT image (16-bit PPM) for FFmpeg's <c>haldclut</c> filter.</summary>
public static class HaldClut
{
    /// <summary>Hald level 8: 64 samples per channel, a 512x512 image.</summary>
    public const int DefaultLevel = 8;

    /// <summary>Writes <paramref name="map"/> sampled on a Hald grid of <paramref name="level"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The PPM file.</param>
    /// <param name="map">The colour map.</param>
    /// <param name="level">The Hald level.</param>
    /// <param name="cancellationToken">Heard between blue planes: a bake takes up to seconds on a busy machine, an interrupt must not wait for it.</param>
    public static void Write(string path, Func<Rgb, Rgb> map, int level = DefaultLevel, CancellationToken cancellationToken = default)
    {
        var n = level * level;
        var side = level * level * level;
        var header = System.Text.Encoding.ASCII.GetBytes($"P6\n{side} {side}\n65535\n");
        var pixels = new byte[side * side * 6];
        System.Threading.Tasks.Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            for (var g = 0; g < n; g++)
            {
                for (var r = 0; r < n; r++)
                {
                    var output = map(new Rgb((double)r / (n - 1), (double)g / (n - 1), (double)b / (n - 1)));
                    var i = ((((b * n) + g) * n) + r) * 6;
                    Put(pixels, i, output.R);
                    Put(pixels, i + 2, output.G);
                    Put(pixels, i + 4, output.B);
                }
            }
        });
        using var file = File.Create(path);
        file.Write(header);
        file.Write(pixels);
    }

    private static void Put(byte[] buffer, int index, double value)
    {
        var v = (int)Math.Round(Math.Clamp(value, 0, 1) * 65535);
        buffer[index] = (byte)(v >> 8);
        buffer[index + 1] = (byte)(v & 0xff);
    }
}
