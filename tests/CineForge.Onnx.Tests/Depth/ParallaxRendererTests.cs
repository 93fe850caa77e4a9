using CineForge.Onnx.Depth;
using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Imaging;

namespace CineForge.Onnx.Tests.Depth;

public sealed class ParallaxRendererTests
{
    private const int Size = 96;
    private const int Frame = 64;
    private static readonly byte[] Far = [40, 80, 160];
    private static readonly byte[] Near = [230, 200, 40];

    // A far backdrop with a gentle texture and a near square in the middle.
    private static (RgbImage Picture, DepthMap Depth) TwoPlanes()
    {
        var rgb = new byte[Size * Size * 3];
        var nearness = new float[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var near = x is >= 36 and < 60 && y is >= 36 and < 60;
                var colour = near ? Near : Far;
                var i = ((y * Size) + x) * 3;
                rgb[i] = colour[0];
                rgb[i + 1] = (byte)(colour[1] + (near ? 0 : (x % 8)));
                rgb[i + 2] = colour[2];
                nearness[(y * Size) + x] = near ? 1f : x < 48 ? 0.1f : 0f;
            }
        }

        return (new RgbImage(Size, Size, rgb), new DepthMap(Size, Size, nearness));
    }

    [Fact]
    public void FlatDepth_IsThePlainCameraMove()
    {
        var (picture, _) = TwoPlanes();
        var renderer = new ParallaxRenderer(picture, DepthMap.Flat(Size, Size), strength: 1);
        var view = new ParallaxView(1.1, 3.25, -2.5);
        var frame = new byte[Frame * Frame * 3];

        renderer.Render(view, Frame, Frame, frame);

        // The plain move: keyframe point c + offset + (p - f) / zoom, sampled bilinearly.
        var expected = new byte[frame.Length];
        var plain = new ParallaxRenderer(picture, DepthMap.Flat(Size, Size), strength: 0);
        plain.Render(view, Frame, Frame, expected);
        Assert.Equal(expected, frame);
        var centre = ((32 * Frame) + 32) * 3;
        Assert.Equal(Near[0], frame[centre]);
    }

    [Fact]
    public void Pan_MovesTheNearSquareFartherThanTheBackdrop()
    {
        var (picture, depth) = TwoPlanes();
        var renderer = new ParallaxRenderer(picture, depth, strength: 1);

        var still = SquareCentre(renderer, new ParallaxView(1, 0, 0));
        var panned = SquareCentre(renderer, new ParallaxView(1, 6, 0));
        var plain = SquareCentre(new ParallaxRenderer(picture, DepthMap.Flat(Size, Size), 0), new ParallaxView(1, 6, 0));

        Assert.Equal(-6, plain - still, 1);
        Assert.True(panned - still < -6.5, $"the near square moved {panned - still} px; the backdrop moves -6");
    }

    [Fact]
    public void Disocclusion_FillsWithBackdropNotForeground()
    {
        var (picture, depth) = TwoPlanes();
        var renderer = new ParallaxRenderer(picture, depth, strength: 1.5);
        var frame = new byte[Frame * Frame * 3];

        renderer.Render(new ParallaxView(1, 8, 0), Frame, Frame, frame);

        var nearColumns = Enumerable.Range(0, Frame).Where(x => frame[((32 * Frame) + x) * 3] == Near[0]).ToList();
        Assert.NotEmpty(nearColumns);
        var width = nearColumns.Max() - nearColumns.Min() + 1;
        Assert.InRange(width, 22, 26);
        var beside = ((32 * Frame) + nearColumns.Max() + 2) * 3;
        Assert.Equal(Far[0], frame[beside]);
    }

    [Fact]
    public void SlowMove_ChangesEveryFrameByASimilarAmount()
    {
        var (picture, depth) = TwoPlanes();
        var renderer = new ParallaxRenderer(picture, depth, strength: 1);
        var previous = new byte[Frame * Frame * 3];
        renderer.Render(new ParallaxView(1, 0, 0), Frame, Frame, previous);
        var changes = new List<double>();
        for (var i = 1; i <= 24; i++)
        {
            var frame = new byte[previous.Length];
            renderer.Render(new ParallaxView(1 + (0.002 * i), 0.1 * i, 0), Frame, Frame, frame);
            changes.Add(frame.Zip(previous, (a, b) => Math.Abs(a - b)).Average());
            previous = frame;
        }

        // No jitter: a steady move gives steady change, with no frame jumping far above the others.
        Assert.True(changes.Max() < 3 * changes.Average(), string.Join(", ", changes.Select(c => c.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Render_IsDeterministic()
    {
        var (picture, depth) = TwoPlanes();
        var renderer = new ParallaxRenderer(picture, depth, strength: 1);
        var a = new byte[Frame * Frame * 3];
        var b = new byte[Frame * Frame * 3];

        renderer.Render(new ParallaxView(1.2, 4.7, 1.3), Frame, Frame, a);
        renderer.Render(new ParallaxView(1.2, 4.7, 1.3), Frame, Frame, b);

        Assert.Equal(a, b);
    }

    private static double SquareCentre(ParallaxRenderer renderer, ParallaxView view)
    {
        var frame = new byte[Frame * Frame * 3];
        renderer.Render(view, Frame, Frame, frame);
        var columns = Enumerable.Range(0, Frame).Where(x => frame[((32 * Frame) + x) * 3] == Near[0]).ToList();
        return (columns.Min() + columns.Max()) / 2.0;
    }
}
