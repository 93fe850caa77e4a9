using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>Builds clips from a pixel function and measures them: QA checks on frames with and without a known defect.</summary>
internal static class SyntheticClip
{
    public const int Width = 192;
    public const int Height = 108;

    /// <summary>The subject box of the synthetic scene: the centre third.</summary>
    public static readonly PixelBox Subject = new(64, 27, 128, 81);

    /// <summary>A calm scene: dim soft background, a brighter soft subject in the centre, light grain.</summary>
    public static (double R, double G, double B) Scene(int x, int y, int frame)
    {
        var background = 70 + (30.0 * y / Height);
        double dx = (x - 96) / 34.0, dy = (y - 54) / 30.0;
        var subject = DetMath.SmoothStep(1.1, 0.9, Math.Sqrt((dx * dx) + (dy * dy)));
        var v = background + (subject * 90) + Grain(x, y, frame, 1.2);
        return (v, v * 0.97, v * 0.94);
    }

    /// <summary>Triangular grain of <paramref name="amplitude"/> code values, new each frame.</summary>
    public static double Grain(int x, int y, int frame, double amplitude)
    {
        var bits = SeededRandom.Mix(((ulong)(uint)frame << 40) ^ ((ulong)(uint)y << 20) ^ (uint)x);
        return ((((bits & 0xFFFF) + ((bits >> 16) & 0xFFFF)) / 65535.0) - 1) * amplitude;
    }

    /// <summary>Measures <paramref name="frames"/> frames of <paramref name="pixel"/>(x, y, frame).</summary>
    public static QaReport Measure(Func<int, int, int, (double R, double G, double B)> pixel, int frames = 24, QaContext? context = null)
    {
        var analyzer = new ClipAnalyzer(Width, Height, context ?? new QaContext(24, 0, null));
        var image = new RgbImage(Width, Height);
        var yuv = new YuvFrame(Width, Height);
        for (var t = 0; t < frames; t++)
        {
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var (r, g, b) = pixel(x, y, t);
                    image.Set(x, y, Byte(r), Byte(g), Byte(b));
                }
            }

            yuv.Load(image);
            analyzer.Add(yuv, Subject);
        }

        return analyzer.Finish();
    }

    private static byte Byte(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);
}
