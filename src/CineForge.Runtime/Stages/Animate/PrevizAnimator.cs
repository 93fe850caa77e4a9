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
        // Sampling positions depend on the column only (x) or the row only (y): compute them once
        // per frame, as whole pixel plus a 10-bit fraction, and blend in integers.
        int sw = source.Width, sh = source.Height, w = output.Width, h = output.Height;
        var src = source.Pixels;
        var dst = output.Pixels;
        var step = 1 / view.Zoom;
        var columns = Positions(w, sw, (sw / 2.0) + view.OffsetX, step);
        var rows = Positions(h, sh, (sh / 2.0) + view.OffsetY, step);
        var gainQ12 = (int)Math.Round(gain * 4096);
        var grainQ = (int)Math.Round(grain * 1024);
        for (var y = 0; y < h; y++)
        {
            RenderRow(src, dst, columns, rows[y], sw, w, y, gainQ12, grainQ, salt);
        }
    }

    private static unsafe void RenderRow(byte[] source, byte[] output, (int Index, int Fraction)[] columns, (int Index, int Fraction) row, int sourceWidth, int width, int y, int gainQ12, int grainQ, ulong salt)
    {
        var (y0, fy) = row;
        var state = SeededRandom.Mix(salt ^ ((ulong)(uint)y << 32)) | 1;
        fixed (byte* src = source, dst = output)
        fixed ((int Index, int Fraction)* cols = columns)
        {
            var top = src + (y0 * sourceWidth * 3);
            var bottom = top + (sourceWidth * 3);
            var o = dst + (y * width * 3);
            int wy1 = fy, wy0 = 1024 - fy;
            for (var x = 0; x < width; x++)
            {
                var (x0, fx) = cols[x];
                var a = top + (x0 * 3);
                var b = bottom + (x0 * 3);
                int wx1 = fx, wx0 = 1024 - fx;

                // xorshift64 per pixel along the row: triangular grain in (-1, 1), in 1/1024 code values.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                var noise = (((int)(state & 0x3FF) + (int)((state >> 10) & 0x3FF) - 1023) * grainQ) >> 10;
                for (var c = 0; c < 3; c++)
                {
                    // Bilinear sum in 2^20 units (fits 28 bits), then gain in 1/4096 steps (fits 30 bits).
                    var sum = ((((a[c] * wx0) + (a[c + 3] * wx1)) * wy0) + (((b[c] * wx0) + (b[c + 3] * wx1)) * wy1)) >> 10;
                    var v = ((sum * gainQ12) >> 12) + noise;
                    v = (v + 512) >> 10;
                    o[c] = (byte)(v <= 0 ? 0 : v >= 255 ? 255 : v);
                }

                o += 3;
            }
        }
    }

    /// <summary>For each output index, the source pixel and 10-bit fraction it samples, clamped inside the source.</summary>
    private static (int Index, int Fraction)[] Positions(int count, int sourceCount, double centre, double step)
    {
        var positions = new (int, int)[count];
        for (var i = 0; i < count; i++)
        {
            var k = centre + ((i + 0.5 - (count / 2.0)) * step) - 0.5;
            var whole = (int)Math.Floor(k);
            var fraction = (int)Math.Round((k - whole) * 1024);
            if (fraction == 1024)
            {
                whole++;
                fraction = 0;
            }

            positions[i] = whole < 0 ? (0, 0) : whole > sourceCount - 2 ? (sourceCount - 2, 1024) : (whole, fraction);
        }

        return positions;
    }
}
