using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Animate;

/// <summary>
/// The embedded animator: moves a virtual camera through the keyframe with bilinear sub-pixel
/// sampling (no whole-pixel rounding, so no zoompan jitter), with subtle life: a slow breathing of
/// the light and monochrome grain that changes every frame. Each pixel depends only on its
/// coordinates, the frame number and the seed, in integer arithmetic.
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
    public BackendIdentity Identity { get; } = new("previz-camera", "2", Array.Empty<string>());

    /// <inheritdoc />
    public void Animate(KeyframeImage keyframe, AnimationRequest request, Action<AnimatedFrame> sink, CancellationToken cancellationToken)
    {
        var path = request.Path;
        if (path.Width != keyframe.FrameWidth || path.Height != keyframe.FrameHeight)
        {
            throw new ArgumentException($"Camera path is {path.Width}x{path.Height}; keyframe frame is {keyframe.FrameWidth}x{keyframe.FrameHeight}.", nameof(request));
        }

        var output = new RgbImage(path.Width, path.Height);
        var grain = request.Grain * GrainCodeValues;
        var cache = new SourceRows(path.Width);
        for (var i = 0; i < path.Frames; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (view, gain, salt) = FrameSettings(request, i);
            Render(keyframe.Image, output, view, gain, grain, salt, cache);
            sink(new AnimatedFrame(i, output, ToOutput(keyframe, view), keyframe.Face is { } face ? Through(keyframe, view, face) : null));
        }
    }

    /// <summary>Frame <paramref name="index"/>'s view, light gain (breathing) and grain salt.</summary>
    internal static (CameraPath.View View, double Gain, ulong Salt) FrameSettings(AnimationRequest request, int index)
    {
        var phase = new SeededRandom(request.Seed, "breathing").Range(0, 2 * Math.PI);
        var gain = 1 + (BreathingAmplitude * 2 * request.Path.Motion * DetMath.Sin((2 * Math.PI * index / request.Fps / BreathingPeriod) + phase));
        var salt = SeededRandom.Mix(((ulong)request.Seed * 0x9E3779B97F4A7C15UL) ^ (ulong)index);
        return (request.Path[index], gain, salt);
    }

    /// <summary>One frame through the fast path, alone (tests compare it with <see cref="RenderReference"/>).</summary>
    internal static RgbImage RenderFrame(RgbImage source, int width, int height, CameraPath.View view, double gain, double grain, ulong salt)
    {
        var output = new RgbImage(width, height);
        Render(source, output, view, gain, grain * GrainCodeValues, salt, new SourceRows(width));
        return output;
    }

    /// <summary>
    /// The animator's pixels written as plainly as possible, one output pixel from its four source
    /// pixels: the specification the fast path (<see cref="Render"/>) must match byte for byte.
    /// </summary>
    internal static RgbImage RenderReference(RgbImage source, int width, int height, CameraPath.View view, double gain, double grain, ulong salt)
    {
        var output = new RgbImage(width, height);
        int sw = source.Width, sh = source.Height;
        var step = 1 / view.Zoom;
        var columns = Positions(width, sw, (sw / 2.0) + view.OffsetX, step);
        var rows = Positions(height, sh, (sh / 2.0) + view.OffsetY, step);
        var gainQ12 = (int)Math.Round(gain * 4096);
        var grainQ = (int)Math.Round(grain * GrainCodeValues * 1024);
        for (var y = 0; y < height; y++)
        {
            var (y0, fy) = rows[y];
            var rowKey = (uint)SeededRandom.Mix(salt ^ ((ulong)(uint)y << 32));
            for (var x = 0; x < width; x++)
            {
                var (x0, fx) = columns[x];
                var h = SeededRandom.Mix32(rowKey + (uint)x);
                var noise = (((int)(h & 0x3FF) + (int)((h >> 10) & 0x3FF) - 1023) * grainQ) >> 10;
                for (var c = 0; c < 3; c++)
                {
                    int P(int px, int py) => source.Pixels[(((py * sw) + px) * 3) + c];
                    var sum = ((((P(x0, y0) * (1024 - fx)) + (P(x0 + 1, y0) * fx)) * (1024 - fy)) + (((P(x0, y0 + 1) * (1024 - fx)) + (P(x0 + 1, y0 + 1) * fx)) * fy)) >> 10;
                    var v = (((sum * gainQ12) >> 12) + noise + 512) >> 10;
                    output.Pixels[(((y * width) + x) * 3) + c] = (byte)Math.Clamp(v, 0, 255);
                }
            }
        }

        return output;
    }

    /// <summary>The keyframe's subject box as seen through <paramref name="view"/>, in output pixels.</summary>
    public static PixelBox ToOutput(KeyframeImage keyframe, CameraPath.View view)
    {
        var s = Through(keyframe, view, keyframe.Subject);
        return new PixelBox(Math.Max(0, s.Left), Math.Max(0, s.Top), Math.Min(keyframe.FrameWidth, s.Right), Math.Min(keyframe.FrameHeight, s.Bottom));
    }

    /// <summary><paramref name="box"/> (image pixels) as seen through <paramref name="view"/>, in output pixels, not clipped to the frame.</summary>
    public static PixelBox Through(KeyframeImage keyframe, CameraPath.View view, PixelBox box)
    {
        ArgumentNullException.ThrowIfNull(keyframe);
        double cx = keyframe.Image.Width / 2.0, cy = keyframe.Image.Height / 2.0;
        double X(double x) => ((x - cx - view.OffsetX) * view.Zoom) + (keyframe.FrameWidth / 2.0);
        double Y(double y) => ((y - cy - view.OffsetY) * view.Zoom) + (keyframe.FrameHeight / 2.0);
        return new PixelBox(X(box.Left), Y(box.Top), X(box.Right), Y(box.Bottom));
    }

    private static void Render(RgbImage source, RgbImage output, CameraPath.View view, double gain, double grain, ulong salt, SourceRows cache)
    {
        // Sampling positions depend on the column only (x) or the row only (y): compute them once
        // per frame, as whole pixel plus a 10-bit fraction. The bilinear blend is separable: each
        // source row is blended horizontally once (cache) and each output row mixes two of them.
        // The integer sums are the same as blending the four pixels at once, so are the bytes.
        int sw = source.Width, sh = source.Height, w = output.Width, h = output.Height;
        var dst = output.Pixels;
        var step = 1 / view.Zoom;
        var columns = Positions(w, sw, (sw / 2.0) + view.OffsetX, step);
        var rows = Positions(h, sh, (sh / 2.0) + view.OffsetY, step);
        var gainQ12 = (int)Math.Round(gain * 4096);
        var grainQ = (int)Math.Round(grain * 1024);
        cache.Start(source, columns);
        for (var y = 0; y < h; y++)
        {
            var (top, bottom) = cache.Pair(rows[y].Index);
            BlendRow(top, bottom, dst, rows[y].Fraction, w, y, gainQ12, grainQ, salt);
        }
    }

    private static unsafe void BlendRow(int[] topRow, int[] bottomRow, byte[] output, int fy, int width, int y, int gainQ12, int grainQ, ulong salt)
    {
        // Bilinear sum in 2^20 units (fits 28 bits), then gain in 1/4096 steps (fits 30 bits), plus
        // grain: counter-based per pixel, triangular in (-1, 1), in 1/1024 code values, the same for
        // the three channels (monochrome). Integer lanes: the same bytes whatever the vector width.
        var n = width * 3;
        var rowKey = (uint)SeededRandom.Mix(salt ^ ((ulong)(uint)y << 32));
        int wy1 = fy, wy0 = 1024 - fy;
        fixed (int* top = topRow, bottom = bottomRow)
        fixed (byte* dst = output)
        {
            var o = dst + (y * n);
            var x = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                var w0 = Vector128.Create(wy0);
                var w1 = Vector128.Create(wy1);
                var g = Vector128.Create(gainQ12);
                var grain = Vector128.Create(grainQ);
                var counters = Vector128.Create(0u, 1, 2, 3) + Vector128.Create(rowKey);
                var four = Vector128.Create(4u);
                var room = output.Length - (long)(y * n);

                // Four pixels (twelve channel values) a step; the 16-byte store's last four bytes
                // are rewritten by the next step, so it stops where they would leave the image.
                for (; x + 4 <= width && (x * 3L) + 16 <= room; x += 4)
                {
                    var noise = Grain(counters, grain);
                    counters += four;
                    var i = x * 3;
                    var a = Pixel(top + i, bottom + i, w0, w1, g, Vector128.Shuffle(noise, Vector128.Create(0, 0, 0, 1)));
                    var b = Pixel(top + i + 4, bottom + i + 4, w0, w1, g, Vector128.Shuffle(noise, Vector128.Create(1, 1, 2, 2)));
                    var c = Pixel(top + i + 8, bottom + i + 8, w0, w1, g, Vector128.Shuffle(noise, Vector128.Create(2, 3, 3, 3)));
                    Vector128.Narrow(Vector128.Narrow(a.AsUInt32(), b.AsUInt32()), Vector128.Narrow(c.AsUInt32(), Vector128<uint>.Zero)).Store(o + i);
                }
            }

            for (; x < width; x++)
            {
                var h = SeededRandom.Mix32(rowKey + (uint)x);
                var noise = (((int)(h & 0x3FF) + (int)((h >> 10) & 0x3FF) - 1023) * grainQ) >> 10;
                for (var i = x * 3; i < (x * 3) + 3; i++)
                {
                    var sum = ((top[i] * wy0) + (bottom[i] * wy1)) >> 10;
                    var v = ((sum * gainQ12) >> 12) + noise;
                    v = (v + 512) >> 10;
                    o[i] = (byte)(v <= 0 ? 0 : v >= 255 ? 255 : v);
                }
            }
        }
    }

    /// <summary>Four pixels' grain: <see cref="SeededRandom.Mix32"/> of each counter, as in the scalar loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Grain(Vector128<uint> counters, Vector128<int> grainQ)
    {
        var h = counters;
        h ^= Vector128.ShiftRightLogical(h, 16);
        h *= Vector128.Create(0x7FEB352DU);
        h ^= Vector128.ShiftRightLogical(h, 15);
        h *= Vector128.Create(0x846CA68BU);
        h ^= Vector128.ShiftRightLogical(h, 16);
        var mask = Vector128.Create(0x3FFU);
        var triangle = (h & mask).AsInt32() + (Vector128.ShiftRightLogical(h, 10) & mask).AsInt32() - Vector128.Create(1023);
        return Vector128.ShiftRightArithmetic(triangle * grainQ, 10);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector128<int> Pixel(int* top, int* bottom, Vector128<int> w0, Vector128<int> w1, Vector128<int> gain, Vector128<int> noise)
    {
        var sum = Vector128.ShiftRightArithmetic((Vector128.Load(top) * w0) + (Vector128.Load(bottom) * w1), 10);
        var v = Vector128.ShiftRightArithmetic(sum * gain, 12) + noise;
        v = Vector128.ShiftRightArithmetic(v + Vector128.Create(512), 10);
        return Vector128.Min(Vector128.Max(v, Vector128<int>.Zero), Vector128.Create(255));
    }

    /// <summary>
    /// Source rows blended horizontally at one frame's column positions, the two last ones kept:
    /// consecutive output rows mostly read the same pair of source rows.
    /// </summary>
    private sealed class SourceRows(int width)
    {
        // One int of slack: the vector path stores four lanes for a pixel's three channels.
        private int[] first = new int[(width * 3) + 1];
        private int[] second = new int[(width * 3) + 1];
        private readonly Vector128<short>[] weights = new Vector128<short>[width];
        private int firstIndex = -1;
        private int secondIndex = -1;
        private RgbImage? source;
        private (int Index, int Fraction)[] columns = [];

        public void Start(RgbImage image, (int Index, int Fraction)[] positions)
        {
            source = image;
            columns = positions;
            firstIndex = secondIndex = -1;
            if (Ssse3.IsSupported)
            {
                for (var x = 0; x < positions.Length; x++)
                {
                    short w1 = (short)positions[x].Fraction, w0 = (short)(1024 - positions[x].Fraction);
                    weights[x] = Vector128.Create(w0, w1, w0, w1, w0, w1, 0, 0);
                }
            }
        }

        /// <summary>Source rows <paramref name="index"/> and <paramref name="index"/> + 1, blended horizontally.</summary>
        public (int[] Top, int[] Bottom) Pair(int index)
        {
            if (firstIndex != index)
            {
                if (secondIndex == index)
                {
                    (first, second) = (second, first);
                    firstIndex = index;
                    secondIndex = -1;
                }
                else
                {
                    Blend(index, first);
                    firstIndex = index;
                }
            }

            if (secondIndex != index + 1)
            {
                Blend(index + 1, second);
                secondIndex = index + 1;
            }

            return (first, second);
        }

        private unsafe void Blend(int row, int[] into)
        {
            var sw = source!.Width;
            var pixels = source.Pixels;
            fixed (byte* src = pixels)
            fixed (int* o = into)
            fixed ((int Index, int Fraction)* cols = columns)
            fixed (Vector128<short>* w = weights)
            {
                var line = src + (row * sw * 3);
                var n = columns.Length;
                var x = 0;
                if (Ssse3.IsSupported)
                {
                    // Both neighbours of a pixel in one 16-byte load, spread to 16-bit lanes as
                    // (r0, r1, g0, g1, b0, b1) and multiplied-and-added in pairs with (w0, w1): the
                    // same integer sums as the scalar loop below, four of them per instruction.
                    var spread = Vector128.Create((byte)0, 0x80, 3, 0x80, 1, 0x80, 4, 0x80, 2, 0x80, 5, 0x80, 0x80, 0x80, 0x80, 0x80);
                    var safe = (long)pixels.Length - 16 - (row * (long)sw * 3);
                    for (; x < n && (cols[x].Index * 3L) <= safe; x++)
                    {
                        var neighbours = Ssse3.Shuffle(Vector128.Load(line + (cols[x].Index * 3)), spread).AsInt16();
                        Sse2.MultiplyAddAdjacent(neighbours, w[x]).Store(o + (x * 3));
                    }
                }

                for (; x < n; x++)
                {
                    var (x0, fx) = cols[x];
                    var a = line + (x0 * 3);
                    int w1 = fx, w0 = 1024 - fx;
                    var k = x * 3;
                    o[k] = (a[0] * w0) + (a[3] * w1);
                    o[k + 1] = (a[1] * w0) + (a[4] * w1);
                    o[k + 2] = (a[2] * w0) + (a[5] * w1);
                }
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
