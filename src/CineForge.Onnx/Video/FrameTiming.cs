using CineForge.Runtime.Imaging;
using CineForge.Onnx.Pipeline;

namespace CineForge.Onnx.Video;

/// <summary>
/// From SVD's native frames to the shot's duration at 24 fps. SVD makes a fixed number of frames
/// (14 for img2vid, 25 for img2vid-xt); the clip is conditioned on the fps at which those frames
/// span the shot (rounded, at least 1: fps - 1 reaches the UNet), and then resampled to
/// round(duration × 24) frames by linear blending between the two nearest native frames (output
/// frame i sits at native time i (F - 1) / (N - 1)). Blending rather than generating more frames:
/// the UNet's frame count is fixed by its export, and a longer run of separately generated clips
/// would jump at the seams. Integer arithmetic after one float weight per frame: same input, same bytes.
/// </summary>
public static class FrameTiming
{
    /// <summary>The output frame rate.</summary>
    public const int OutputFps = 24;

    /// <summary>Frames of a shot of <paramref name="seconds"/> at 24 fps.</summary>
    public static int OutputFrames(double seconds) => Math.Max(1, (int)Math.Round(seconds * OutputFps, MidpointRounding.AwayFromZero));

    /// <summary>The fps conditioning at which <paramref name="nativeFrames"/> span <paramref name="seconds"/>.</summary>
    public static int ConditioningFps(int nativeFrames, double seconds) =>
        Math.Max(1, (int)Math.Round(nativeFrames / Math.Max(seconds, 1e-3), MidpointRounding.AwayFromZero));

    /// <summary><paramref name="count"/> frames blended linearly from <paramref name="native"/>.</summary>
    public static IReadOnlyList<RgbImage> Resample(IReadOnlyList<RgbImage> native, int count)
    {
        if (native.Count == 0 || count < 1)
        {
            throw new ArgumentException($"Need native frames and at least one output frame; got {native.Count} and {count}.");
        }

        var result = new List<RgbImage>(count);
        for (var i = 0; i < count; i++)
        {
            var t = count == 1 ? 0.0 : (double)i * (native.Count - 1) / (count - 1);
            var a = Math.Min((int)t, native.Count - 1);
            var b = Math.Min(a + 1, native.Count - 1);
            var w = (int)Math.Round((t - a) * 256);
            var (fa, fb) = (native[a], native[b]);
            var data = new byte[fa.Pixels.Length];
            for (var k = 0; k < data.Length; k++)
            {
                data[k] = (byte)(((fa.Pixels[k] * (256 - w)) + (fb.Pixels[k] * w) + 128) >> 8);
            }

            result.Add(new RgbImage(fa.Width, fa.Height, data));
        }

        return result;
    }
}
