using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;

namespace CineForge.Runtime.Stages.Keyframe.Previz;

/// <summary>
/// A floating-point drawing surface. Shapes are signed-distance fields painted with analytic
/// coverage, so edges are antialiased without supersampling and every pixel is computed from its
/// own coordinates only (no order or SIMD dependence).
/// </summary>
internal sealed class Canvas
{
    private readonly double[] pixels;

    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        pixels = new double[width * height * 3];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Sets every pixel to <paramref name="shade"/>(x, y).</summary>
    public void Fill(Func<double, double, Rgb> shade)
    {
        Parallel.For(0, Height, y =>
        {
            for (var x = 0; x < Width; x++)
            {
                Put(x, y, shade(x + 0.5, y + 0.5));
            }
        });
    }

    /// <summary>Paints <paramref name="shape"/> with <paramref name="shade"/>, edges softened over <paramref name="soft"/> pixels.</summary>
    public void Paint(Shape shape, double soft, Func<double, double, Rgb, Rgb> shade, double opacity = 1)
    {
        var box = shape.Bounds(soft);
        int x0 = Math.Max(0, (int)box.Left), x1 = Math.Min(Width, (int)Math.Ceiling(box.Right));
        int y0 = Math.Max(0, (int)box.Top), y1 = Math.Min(Height, (int)Math.Ceiling(box.Bottom));
        if (x1 <= x0 || y1 <= y0)
        {
            return;
        }

        Parallel.For(y0, y1, y =>
        {
            for (var x = x0; x < x1; x++)
            {
                double px = x + 0.5, py = y + 0.5;
                var coverage = DetMath.Clamp01(0.5 - (shape.Distance(px, py) / soft)) * opacity;
                if (coverage <= 0)
                {
                    continue;
                }

                var under = Get(x, y);
                Put(x, y, under.Mix(shade(px, py, under), coverage));
            }
        });
    }

    /// <summary>Quantizes to 8-bit sRGB, with a soft shoulder above 0.8 and seeded fine texture of <paramref name="texture"/> code values.</summary>
    public RgbImage ToImage(long detailSeed, double texture)
    {
        var image = new RgbImage(Width, Height);
        var salt = SeededRandom.Mix((ulong)detailSeed ^ 0x5EEDUL);
        Parallel.For(0, Height, y =>
        {
            for (var x = 0; x < Width; x++)
            {
                var i = ((y * Width) + x) * 3;
                var n = Noise(salt, x, y) * texture;
                image.Pixels[i] = Quantize(pixels[i], n);
                image.Pixels[i + 1] = Quantize(pixels[i + 1], n);
                image.Pixels[i + 2] = Quantize(pixels[i + 2], n);
            }
        });
        return image;
    }

    /// <summary>A triangular-distributed value in (-1, 1) from a counter: independent of drawing order.</summary>
    public static double Noise(ulong salt, int x, int y)
    {
        var bits = SeededRandom.Mix(salt ^ (((ulong)(uint)y << 32) | (uint)x));
        return (((bits & 0xFFFF) + ((bits >> 16) & 0xFFFF)) / 65535.0) - 1;
    }

    private static byte Quantize(double v, double noise)
    {
        if (v > 0.8)
        {
            v = 0.8 + (0.2 * (1 - (1 / (1 + ((v - 0.8) * 5)))));
        }

        var code = (v * 255) + noise;
        return (byte)(code <= 0 ? 0 : code >= 255 ? 255 : (int)(code + 0.5));
    }

    private Rgb Get(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return new Rgb(pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    private void Put(int x, int y, Rgb c)
    {
        var i = ((y * Width) + x) * 3;
        pixels[i] = c.R;
        pixels[i + 1] = c.G;
        pixels[i + 2] = c.B;
    }
}

/// <summary>A signed-distance shape: negative inside, in pixels.</summary>
internal abstract class Shape
{
    public abstract double Distance(double x, double y);

    public abstract PixelBox Bounds(double margin);

    /// <summary>A pseudo-normal (nx, ny, nz) of the shape's surface at (x, y), for shading.</summary>
    public abstract (double X, double Y, double Z) Normal(double x, double y);
}

/// <summary>An ellipse, shaded as a half ellipsoid.</summary>
internal sealed class Ellipse(double cx, double cy, double rx, double ry) : Shape
{
    public override double Distance(double x, double y)
    {
        double u = (x - cx) / rx, v = (y - cy) / ry;
        return (Math.Sqrt((u * u) + (v * v)) - 1) * Math.Min(rx, ry);
    }

    public override PixelBox Bounds(double margin) => new(cx - rx - margin, cy - ry - margin, cx + rx + margin, cy + ry + margin);

    public override (double X, double Y, double Z) Normal(double x, double y)
    {
        double u = (x - cx) / rx, v = (y - cy) / ry;
        var r2 = Math.Min(1, (u * u) + (v * v));
        return (u, v, Math.Sqrt(1 - r2));
    }
}

/// <summary>A rounded box, shaded as a horizontal cylinder section (furniture, torsos, bottles).</summary>
internal sealed class RoundedBox(double left, double top, double right, double bottom, double radius) : Shape
{
    public override double Distance(double x, double y)
    {
        double cx = (left + right) / 2, cy = (top + bottom) / 2;
        double hx = ((right - left) / 2) - radius, hy = ((bottom - top) / 2) - radius;
        double qx = Math.Abs(x - cx) - hx, qy = Math.Abs(y - cy) - hy;
        double ox = Math.Max(qx, 0), oy = Math.Max(qy, 0);
        return Math.Sqrt((ox * ox) + (oy * oy)) + Math.Min(Math.Max(qx, qy), 0) - radius;
    }

    public override PixelBox Bounds(double margin) => new(left - margin, top - margin, right + margin, bottom + margin);

    public override (double X, double Y, double Z) Normal(double x, double y)
    {
        var u = Math.Clamp(((2 * (x - left)) / (right - left)) - 1, -1, 1) * 0.85;
        return (u, -0.15, Math.Sqrt(1 - (u * u) - 0.0225));
    }
}

/// <summary>A shape moved by (dx, dy): cast shadows.</summary>
internal sealed class Offset(Shape inner, double dx, double dy) : Shape
{
    public override double Distance(double x, double y) => inner.Distance(x - dx, y - dy);

    public override PixelBox Bounds(double margin)
    {
        var b = inner.Bounds(margin);
        return new(b.Left + dx, b.Top + dy, b.Right + dx, b.Bottom + dy);
    }

    public override (double X, double Y, double Z) Normal(double x, double y) => inner.Normal(x - dx, y - dy);
}

/// <summary>The union of shapes.</summary>
internal sealed class Union(IReadOnlyList<Shape> parts) : Shape
{
    public override double Distance(double x, double y)
    {
        var d = double.MaxValue;
        foreach (var part in parts)
        {
            d = Math.Min(d, part.Distance(x, y));
        }

        return d;
    }

    public override PixelBox Bounds(double margin) => parts.Select(p => p.Bounds(margin)).Aggregate((a, b) => a.Union(b));

    public override (double X, double Y, double Z) Normal(double x, double y) => (0, 0, 1);
}
