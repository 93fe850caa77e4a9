using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Imaging;

namespace CineForge.Onnx.Depth;

/// <summary>A camera view into the keyframe: zoom about the centre and the centre's offset, in keyframe pixels.</summary>
/// <param name="Zoom">1 shows the frame at the keyframe's scale; above 1 pushes in.</param>
/// <param name="OffsetX">Horizontal offset of the view centre from the keyframe centre.</param>
/// <param name="OffsetY">Vertical offset of the view centre from the keyframe centre.</param>
public readonly record struct ParallaxView(double Zoom, double OffsetX, double OffsetY);

/// <summary>
/// 2.5D reprojection of a keyframe for a camera move. The plain move maps keyframe point s to frame
/// point p = (s - c - offset) * zoom + f; with depth, each point's motion (relative to the still
/// frame) is scaled by g = 1 + strength * (nearness - reference), so near things travel farther than
/// far ones and the subject plane (the median nearness) moves exactly as the plain move. Frames are
/// rendered backwards: each frame pixel finds its keyframe point and samples it bilinearly, so
/// positions are continuous in the view and there is no whole-pixel jitter. Each frame pixel takes the nearest surface that projects onto it (a march over the gain
/// from near to far), so near things occlude far ones. Where that lands on a depth edge (a
/// disocclusion: background revealed behind a near edge), it steps to the far side of the edge, so
/// the gap fills with stretched background, never with a smear of the foreground.
/// </summary>
public sealed class ParallaxRenderer
{
    private const int MarchSteps = 16;
    private static readonly (double Dx, double Dy)[] FarSideSteps = [(-1.5, 0), (1.5, 0), (0, -1.5), (0, 1.5)];
    private const int RefineSteps = 8;

    // Side of the tiles whose nearest point bounds where a ray can start its march.
    private const int Tile = 16;

    // Nearness change across two pixels above which a point sits on a depth edge.
    private const double EdgeThreshold = 0.25;
    private readonly RgbImage source;
    private readonly DepthMap depth;
    private readonly double strength;
    private readonly double reference;
    private readonly double minGain;
    private readonly double maxGain;
    private readonly float[] tileNearest;
    private readonly int tilesX;
    private readonly int tilesY;

    /// <summary>Prepares <paramref name="source"/> with its <paramref name="depth"/> for moves at parallax <paramref name="strength"/> (0 = none, 1 = near things move twice as far as the subject plane).</summary>
    public ParallaxRenderer(RgbImage source, DepthMap depth, double strength)
    {
        if (depth.Width != source.Width || depth.Height != source.Height)
        {
            throw new ArgumentException($"The depth map is {depth.Width}x{depth.Height}; the picture is {source.Width}x{source.Height}.", nameof(depth));
        }

        this.source = source;
        this.depth = depth;
        this.strength = strength;
        var sorted = (float[])depth.Nearness.Clone();
        Array.Sort(sorted);
        reference = sorted[sorted.Length / 2];
        minGain = Gain(sorted[0]);
        maxGain = Gain(sorted[^1]);
        (tilesX, tilesY) = ((depth.Width + Tile - 1) / Tile, (depth.Height + Tile - 1) / Tile);
        tileNearest = TileNearest(depth, tilesX, tilesY);
    }

    /// <summary>Renders <paramref name="view"/> into <paramref name="frame"/> (interleaved RGB of <paramref name="width"/> x <paramref name="height"/>).</summary>
    public void Render(ParallaxView view, int width, int height, byte[] frame)
    {
        if (frame.Length != width * height * 3)
        {
            throw new ArgumentException($"Expected {width * height * 3} bytes for {width}x{height}; got {frame.Length}.", nameof(frame));
        }

        double cx = source.Width / 2.0, cy = source.Height / 2.0;
        Parallel.For(0, height, y =>
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = Solve(view, x + 0.5 - (width / 2.0), y + 0.5 - (height / 2.0), cx, cy);
                Sample(sx - 0.5, sy - 0.5, frame, ((y * width) + x) * 3);
            }
        });
    }

    // Keyframe point seen at frame point (px, py) relative to the frame centre: march the gain from
    // the nearest possible surface to the farthest and take the first crossing, so near surfaces
    // occlude far ones; refine it by bisection.
    private (double X, double Y) Solve(ParallaxView view, double px, double py, double cx, double cy)
    {
        // Nothing nearer than the nearest point under the ray's footprint can cross it: start there.
        var start = Math.Min(maxGain, Gain(NearestUnder(Point(view, maxGain, px, py, cx, cy), Point(view, minGain, px, py, cx, cy))));
        var stepSize = (maxGain - minGain) / MarchSteps;
        var steps = stepSize > 0 ? (int)Math.Ceiling((start - minGain) / stepSize) : 0;
        var previous = start;
        var hit = minGain;
        for (var k = 0; k <= steps; k++)
        {
            var g = Math.Max(start - (stepSize * k), minGain);
            if (Crossing(view, g, px, py, cx, cy) >= 0)
            {
                hit = g;
                break;
            }

            previous = g;
        }

        var (lo, hi) = (hit, previous);
        for (var i = 0; i < RefineSteps && hi > lo; i++)
        {
            var mid = (lo + hi) / 2;
            if (Crossing(view, mid, px, py, cx, cy) >= 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var (sx, sy) = Point(view, lo, px, py, cx, cy);
        if (!OnDepthEdge(sx - 0.5, sy - 0.5))
        {
            return (sx, sy);
        }

        // The crossing lies on the ramp between a near edge and the far side: a disocclusion. Step off
        // the ramp to its far side, so the gap shows the background next to the edge, stretched.
        var (bx, by) = (sx, sy);
        var farthest = double.MaxValue;
        foreach (var (dx, dy) in FarSideSteps)
        {
            var n = depth.Sample(sx + dx - 0.5, sy + dy - 0.5);
            if (n < farthest)
            {
                (farthest, bx, by) = (n, sx + dx, sy + dy);
            }
        }

        return (bx, by);
    }

    // The largest nearness in the tiles covering the segment between two keyframe points.
    private double NearestUnder((double X, double Y) a, (double X, double Y) b)
    {
        var x0 = Math.Clamp((int)Math.Floor((Math.Min(a.X, b.X) - 2) / Tile), 0, tilesX - 1);
        var x1 = Math.Clamp((int)Math.Floor((Math.Max(a.X, b.X) + 2) / Tile), 0, tilesX - 1);
        var y0 = Math.Clamp((int)Math.Floor((Math.Min(a.Y, b.Y) - 2) / Tile), 0, tilesY - 1);
        var y1 = Math.Clamp((int)Math.Floor((Math.Max(a.Y, b.Y) + 2) / Tile), 0, tilesY - 1);
        var nearest = 0f;
        for (var ty = y0; ty <= y1; ty++)
        {
            for (var tx = x0; tx <= x1; tx++)
            {
                nearest = Math.Max(nearest, tileNearest[(ty * tilesX) + tx]);
            }
        }

        return nearest;
    }

    private static float[] TileNearest(DepthMap depth, int tilesX, int tilesY)
    {
        var tiles = new float[tilesX * tilesY];
        for (var y = 0; y < depth.Height; y++)
        {
            for (var x = 0; x < depth.Width; x++)
            {
                var t = ((y / Tile) * tilesX) + (x / Tile);
                tiles[t] = Math.Max(tiles[t], depth.Nearness[(y * depth.Width) + x]);
            }
        }

        return tiles;
    }

    // Positive when the surface at the point seen with gain g is at least as near as g assumes.
    private double Crossing(ParallaxView view, double g, double px, double py, double cx, double cy)
    {
        var (sx, sy) = Point(view, g, px, py, cx, cy);
        return Gain(depth.Sample(sx - 0.5, sy - 0.5)) - g + 1e-9;
    }

    private bool OnDepthEdge(double x, double y) =>
        Math.Abs(depth.Sample(x + 1, y) - depth.Sample(x - 1, y)) + Math.Abs(depth.Sample(x, y + 1) - depth.Sample(x, y - 1)) > EdgeThreshold;

    // Solves p = (s - c) + g * ((s - c)(zoom - 1) - offset * zoom) for s at a fixed gain g.
    private static (double X, double Y) Point(ParallaxView view, double g, double px, double py, double cx, double cy)
    {
        var scale = 1 + (g * (view.Zoom - 1));
        return (cx + ((px + (g * view.OffsetX * view.Zoom)) / scale), cy + ((py + (g * view.OffsetY * view.Zoom)) / scale));
    }

    private double Gain(double nearness) => 1 + (strength * (nearness - reference));

    private void Sample(double x, double y, byte[] frame, int o)
    {
        int w = source.Width, h = source.Height;
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        var x0 = Math.Min((int)x, w - 2);
        var y0 = Math.Min((int)y, h - 2);
        double fx = x - x0, fy = y - y0;
        var src = source.Pixels;
        var i00 = ((y0 * w) + x0) * 3;
        var i01 = i00 + (w * 3);
        for (var c = 0; c < 3; c++)
        {
            var v = (src[i00 + c] * (1 - fx) * (1 - fy)) + (src[i00 + 3 + c] * fx * (1 - fy)) + (src[i01 + c] * (1 - fx) * fy) + (src[i01 + 3 + c] * fx * fy);
            frame[o + c] = (byte)(v <= 0 ? 0 : v >= 255 ? 255 : (int)(v + 0.5));
        }
    }
}
