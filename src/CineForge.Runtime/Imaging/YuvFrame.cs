using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CineForge.Runtime.Imaging;

/// <summary>
/// A planar 4:2:0 frame in BT.709 limited range, the format streamed to the encoder. The
/// conversion from RGB is done here in integer arithmetic, not by swscale, whose SIMD paths may
/// round differently from one CPU to another.
/// </summary>
public sealed class YuvFrame
{
    /// <summary>Creates an empty frame; <paramref name="width"/> and <paramref name="height"/> must be even.</summary>
    public YuvFrame(int width, int height)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"4:2:0 frames need a positive, even size; got {width}x{height}.");
        }

        Width = width;
        Height = height;
        Y = new byte[width * height];
        U = new byte[width * height / 4];
        V = new byte[width * height / 4];
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Luma plane, width*height bytes (16..235).</summary>
    public byte[] Y { get; }

    /// <summary>Cb plane, (width/2)*(height/2) bytes (16..240, 128 neutral).</summary>
    public byte[] U { get; }

    /// <summary>Cr plane, (width/2)*(height/2) bytes.</summary>
    public byte[] V { get; }

    /// <summary>Bytes of one frame on the wire (yuv420p).</summary>
    public int ByteCount => Y.Length + U.Length + V.Length;

    /// <summary>Converts <paramref name="image"/> into a new frame.</summary>
    public static YuvFrame From(RgbImage image)
    {
        var frame = new YuvFrame(image.Width, image.Height);
        frame.Load(image);
        return frame;
    }

    /// <summary>Fills this frame from <paramref name="image"/> of the same size (rows in parallel; each row's result is independent of scheduling).</summary>
    public void Load(RgbImage image)
    {
        if (image.Width != Width || image.Height != Height)
        {
            throw new ArgumentException($"Image is {image.Width}x{image.Height}, frame is {Width}x{Height}.", nameof(image));
        }

        for (var row = 0; row < Height / 2; row++)
        {
            LoadRowPair(image.Pixels, row);
        }
    }

    /// <summary>Writes the three planes to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        stream.Write(Y);
        stream.Write(U);
        stream.Write(V);
    }

    /// <summary>Reads one frame from <paramref name="stream"/>; false at the end of the stream.</summary>
    public bool ReadFrom(Stream stream)
    {
        var first = stream.ReadAtLeast(Y, Y.Length, throwOnEndOfStream: false);
        if (first == 0)
        {
            return false;
        }

        if (first < Y.Length)
        {
            throw new EndOfStreamException("The stream ends inside a frame.");
        }

        stream.ReadExactly(U);
        stream.ReadExactly(V);
        return true;
    }

    /// <summary>The RGB colour of a (Y, Cb, Cr) triple, as 0..1 doubles (BT.709 limited range).</summary>
    public static (double R, double G, double B) ToRgb(double y, double cb, double cr)
    {
        var l = (y - 16) / 219.0;
        var pb = (cb - 128) / 224.0;
        var pr = (cr - 128) / 224.0;
        var r = l + (1.5748 * pr);
        var b = l + (1.8556 * pb);
        var g = (l - (0.2126 * r) - (0.0722 * b)) / 0.7152;
        return (r, g, b);
    }

    private unsafe void LoadRowPair(byte[] rgb, int row)
    {
        var w = Width;
        var cw = w / 2;
        fixed (byte* source = rgb, luma = Y, cb = U, cr = V)
        {
            var top = source + (row * 2 * w * 3);
            var bottom = top + (w * 3);
            var rowsLeft = rgb.Length - (row * 2 * w * 3);
            var done = LumaRow(top, luma + (row * 2 * w), w, rowsLeft);
            done = Math.Min(done, LumaRow(bottom, luma + (row * 2 * w) + w, w, rowsLeft - (w * 3)));
            var yTop = luma + (row * 2 * w);
            var yBottom = yTop + w;
            var u = cb + (row * cw);
            var v = cr + (row * cw);
            for (var cx = 0; cx < cw; cx++)
            {
                int r0 = top[0], g0 = top[1], b0 = top[2], r1 = top[3], g1 = top[4], b1 = top[5];
                int r2 = bottom[0], g2 = bottom[1], b2 = bottom[2], r3 = bottom[3], g3 = bottom[4], b3 = bottom[5];
                if (2 * cx >= done)
                {
                    yTop[0] = Luma(r0, g0, b0);
                    yTop[1] = Luma(r1, g1, b1);
                    yBottom[0] = Luma(r2, g2, b2);
                    yBottom[1] = Luma(r3, g3, b3);
                }

                int sr = r0 + r1 + r2 + r3, sg = g0 + g1 + g2 + g3, sb = b0 + b1 + b2 + b3;

                // Sums of four pixels: divide by 4 * 65536 with rounding.
                u[cx] = (byte)(128 + (((-6596 * sr) - (22189 * sg) + (28785 * sb) + (1 << 17)) >> 18));
                v[cx] = (byte)(128 + (((28784 * sr) - (26145 * sg) - (2639 * sb) + (1 << 17)) >> 18));
                top += 6;
                bottom += 6;
                yTop += 2;
                yBottom += 2;
            }
        }
    }

    /// <summary>
    /// Luma of the first pixels of one row, sixteen at a time where the CPU has SSSE3; returns how
    /// many it wrote (the rest are done one by one). Each 16-byte load is spread to 16-bit lanes as
    /// (r, g) and (g, b) pairs and multiplied-and-added with the coefficients, 40254 for green split
    /// as 32767 + 7487 to fit a 16-bit lane: the same integer sums as <see cref="Luma"/>.
    /// </summary>
    private static unsafe int LumaRow(byte* rgb, byte* luma, int width, long bytesLeft)
    {
        if (!Ssse3.IsSupported)
        {
            return 0;
        }

        var redGreen = Vector128.Create((byte)0, 0x80, 1, 0x80, 3, 0x80, 4, 0x80, 6, 0x80, 7, 0x80, 9, 0x80, 10, 0x80);
        var greenBlue = Vector128.Create((byte)1, 0x80, 2, 0x80, 4, 0x80, 5, 0x80, 7, 0x80, 8, 0x80, 10, 0x80, 11, 0x80);
        var redGreenWeights = Vector128.Create((short)11966, 32767, 11966, 32767, 11966, 32767, 11966, 32767);
        var greenBlueWeights = Vector128.Create((short)7487, 4064, 7487, 4064, 7487, 4064, 7487, 4064);
        var round = Vector128.Create(32768);
        var offset = Vector128.Create(16);
        var x = 0;

        // Four loads of 16 bytes at 12-byte steps cover 16 pixels and read 4 bytes past them.
        for (; x + 16 <= width && ((x + 16) * 3L) + 4 <= bytesLeft; x += 16)
        {
            var p = rgb + (x * 3);
            var a = Four(p, redGreen, greenBlue, redGreenWeights, greenBlueWeights, round, offset);
            var b = Four(p + 12, redGreen, greenBlue, redGreenWeights, greenBlueWeights, round, offset);
            var c = Four(p + 24, redGreen, greenBlue, redGreenWeights, greenBlueWeights, round, offset);
            var d = Four(p + 36, redGreen, greenBlue, redGreenWeights, greenBlueWeights, round, offset);
            Vector128.Narrow(Vector128.Narrow(a.AsUInt32(), b.AsUInt32()), Vector128.Narrow(c.AsUInt32(), d.AsUInt32())).Store(luma + x);
        }

        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector128<int> Four(byte* p, Vector128<byte> redGreen, Vector128<byte> greenBlue, Vector128<short> redGreenWeights, Vector128<short> greenBlueWeights, Vector128<int> round, Vector128<int> offset)
    {
        var pixels = Vector128.Load(p);
        var sum = Sse2.MultiplyAddAdjacent(Ssse3.Shuffle(pixels, redGreen).AsInt16(), redGreenWeights)
            + Sse2.MultiplyAddAdjacent(Ssse3.Shuffle(pixels, greenBlue).AsInt16(), greenBlueWeights);
        return Vector128.ShiftRightArithmetic(sum + round, 16) + offset;
    }

    /// <summary>BT.709 limited-range luma of one pixel: the reference the vector path matches.</summary>
    internal static byte Luma(int r, int g, int b) => (byte)(16 + (((11966 * r) + (40254 * g) + (4064 * b) + 32768) >> 16));
}
