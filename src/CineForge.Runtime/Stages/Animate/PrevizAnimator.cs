using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Animate;

/// <summary>
/// The embedded animator: moves a virtual camera through the keyframe with bilinear sub-pixel
/// sampling (no whole-pixel rounding, so no zoompan jitter), with subtle life: a slow breathing of
/// the light and monochrome grain that changes every frame. Rows are computed in parallel; each
/// pixel depends only on its coordinates, the frame number and the seed.
/// </summary>
public sealed class PrevizAnimator : IAnimator
{
    /// <summary>Grain amplitude in 8-bit code values per unit of grain density.</summary>
    public const double GrainCodeValues = 30;

    /// <summary>Amplitude of the light's breathing at motion strength 0.5, as a fraction of exposure; it scales with the strength (a static shot's only life).</summary>
    public const double BreathingAmplitude = 0.006;

    /// <summary>Period of the light's breathing, in seconds.</summary>
    public const double BreathingPeriod = 3.7;

    /// <inheritdoc />
    public BackendIdentity Identity { get; } = new("previz-camera", "1", Array.Empty<string>());

    /// <inheritdoc />
    public void Animate(KeyframeImage keyframe, AnimationRequest request, Action<AnimatedFrame> sink, CancellationToken cancellationToken)
    {
        var path = request.Path;
        if (path.Width != keyframe.FrameWidth || path.Height != keyframe.FrameHeight)
        {
            throw new ArgumentException($"Camera path is {path.Width}x{path.Height}; keyframe frame is {keyframe.FrameWidth}x{keyframe.FrameHeight}.", nameof(request));
        }

        var output = new RgbImage(path.Width, path.Height);
        var phase = new SeededRandom(request.Seed, "breathing").Range(0, 2 * Math.PI);
        var grain = request.Grain * GrainCodeValues;
        for (var i = 0; i < path.Frames; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var view = path[i];
            var gain = 1 + (BreathingAmplitude * 2 * request.Path.Motion * DetMath.Sin((2 * Math.PI * i / request.Fps / BreathingPeriod) + phase));
            var salt = SeededRandom.Mix(((ulong)request.Seed * 0x9E3779B97F4A7C15UL) ^ (ulong)i);
            Render(keyframe.Image, output, view, gain, grain, salt);
            sink(new AnimatedFrame(i, output, ToOutput(keyframe, view)));
        }
    }

    /// <summary>The keyframe's subject box as seen through <paramref name="view"/>, in output pixels.</summary>
    public static PixelBox ToOutput(KeyframeImage keyframe, CameraPath.View view)
    {
        double cx = keyframe.Image.Width / 2.0, cy = keyframe.Image.Height / 2.0;
        double X(double x) => ((x - cx - view.OffsetX) * view.Zoom) + (keyframe.FrameWidth / 2.0);
        double Y(double y) => ((y - cy - view.OffsetY) * view.Zoom) + (keyframe.FrameHeight / 2.0);
        var s = keyframe.Subject;
        return new PixelBox(Math.Max(0, X(s.Left)), Math.Max(0, Y(s.Top)), Math.Min(keyframe.FrameWidth, X(s.Right)), Math.Min(keyframe.FrameHeight, Y(s.Bottom)));
    }

    private static void Render(RgbImage source, RgbImage output, CameraPath.View view, double gain, double grain, ulong salt)
    {
        int sw = source.Width, sh = source.Height, w = output.Width, h = output.Height;
        var src = source.Pixels;
        var dst = output.Pixels;
        double cx = sw / 2.0, cy = sh / 2.0;
        var step = 1 / view.Zoom;
        Parallel.For(0, h, y =>
        {
            var ky = cy + view.OffsetY + ((y + 0.5 - (h / 2.0)) * step) - 0.5;
            var y0 = (int)Math.Floor(ky);
            var fy = ky - y0;
            y0 = Math.Clamp(y0, 0, sh - 2);
            var row0 = y0 * sw * 3;
            var row1 = row0 + (sw * 3);
            var o = y * w * 3;
            for (var x = 0; x < w; x++)
            {
                var kx = cx + view.OffsetX + ((x + 0.5 - (w / 2.0)) * step) - 0.5;
                var x0 = (int)Math.Floor(kx);
                var fx = kx - x0;
                x0 = Math.Clamp(x0, 0, sw - 2);
                double w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
                var i00 = row0 + (x0 * 3);
                var i01 = row1 + (x0 * 3);
                var bits = SeededRandom.Mix(salt ^ (((ulong)(uint)y << 32) | (uint)x));
                var noise = ((((bits & 0xFFFF) + ((bits >> 16) & 0xFFFF)) / 65535.0) - 1) * grain;
                for (var c = 0; c < 3; c++)
                {
                    var v = ((src[i00 + c] * w00) + (src[i00 + 3 + c] * w10) + (src[i01 + c] * w01) + (src[i01 + 3 + c] * w11)) * gain + noise;
                    dst[o + (x * 3) + c] = (byte)(v <= 0 ? 0 : v >= 255 ? 255 : (int)(v + 0.5));
                }
            }
        });
    }
}
