namespace CineForge.Onnx.Depth;

/// <summary>Relative nearness per pixel: 0 is the farthest point of the picture, 1 the nearest (normalized disparity).</summary>
public sealed class DepthMap
{
    /// <summary>Wraps <paramref name="nearness"/> (width * height values in 0..1, rows top to bottom).</summary>
    public DepthMap(int width, int height, float[] nearness)
    {
        if (width <= 0 || height <= 0 || nearness.Length != width * height)
        {
            throw new ArgumentException($"Expected {width}x{height} depth values; got {nearness.Length}.", nameof(nearness));
        }

        Width = width;
        Height = height;
        Nearness = nearness;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>0 (far) .. 1 (near) per pixel.</summary>
    public float[] Nearness { get; }

    /// <summary>A flat map: everything at one distance (parallax then reduces to the plain camera move).</summary>
    public static DepthMap Flat(int width, int height) => new(width, height, new float[width * height]);

    /// <summary>Bilinear nearness at (<paramref name="x"/>, <paramref name="y"/>) in pixel-centre coordinates, clamped at the borders.</summary>
    public float Sample(double x, double y)
    {
        x = Math.Clamp(x, 0, Width - 1);
        y = Math.Clamp(y, 0, Height - 1);
        var x0 = Math.Min((int)x, Math.Max(Width - 2, 0));
        var y0 = Math.Min((int)y, Math.Max(Height - 2, 0));
        var x1 = Math.Min(x0 + 1, Width - 1);
        var y1 = Math.Min(y0 + 1, Height - 1);
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        var top = (Nearness[(y0 * Width) + x0] * (1 - fx)) + (Nearness[(y0 * Width) + x1] * fx);
        var bottom = (Nearness[(y1 * Width) + x0] * (1 - fx)) + (Nearness[(y1 * Width) + x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }
}
