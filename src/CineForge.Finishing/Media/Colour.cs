namespace CineForge.Finishing.Media;

/// <summary>An RGB colour with channels in 0..1, gamma-encoded (the values FFmpeg's RGB filters see).</summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
public readonly record struct Rgb(double R, double G, double B)
{
    /// <summary>Rec. 709 luma of the encoded values.</summary>
    public double Luma => (0.2126 * R) + (0.7152 * G) + (0.0722 * B);

    /// <summary>Each channel clamped to 0..1.</summary>
    public Rgb Clamped() => new(Math.Clamp(R, 0, 1), Math.Clamp(G, 0, 1), Math.Clamp(B, 0, 1));

    /// <summary>"#a1b2c3".</summary>
    public string ToHex() => $"#{Byte(R):x2}{Byte(G):x2}{Byte(B):x2}";

    private static int Byte(double v) => (int)Math.Round(Math.Clamp(v, 0, 1) * 255);
}

/// <summary>A CIELAB colour (D65).</summary>
/// <param name="L">Lightness, 0..100.</param>
/// <param name="A">Green (−) to magenta (+).</param>
/// <param name="B">Blue (−) to yellow (+).</param>
public readonly record struct Lab(double L, double A, double B)
{
    /// <summary>Chroma: the distance from neutral in the a*b* plane (QA03's colour cast).</summary>
    public double Chroma => Math.Sqrt((A * A) + (B * B));

    /// <summary>The a*b* distance to <paramref name="other"/> (QA03's shot-to-shot continuity).</summary>
    public double DistanceAb(Lab other) => Math.Sqrt(Math.Pow(A - other.A, 2) + Math.Pow(B - other.B, 2));
}

/// <summary>Colour conversions used by measurement and the grade.</summary>
public static class Colour
{
    /// <summary>sRGB transfer function: encoded 0..1 to linear light.</summary>
    public static double ToLinear(double v) => v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);

    /// <summary>Inverse of <see cref="ToLinear"/>.</summary>
    public static double ToEncoded(double v) => v <= 0.0031308 ? v * 12.92 : (1.055 * Math.Pow(v, 1 / 2.4)) - 0.055;

    /// <summary>CIELAB (D65) of an encoded sRGB colour.</summary>
    public static Lab ToLab(Rgb c)
    {
        var r = ToLinear(Math.Clamp(c.R, 0, 1));
        var g = ToLinear(Math.Clamp(c.G, 0, 1));
        var b = ToLinear(Math.Clamp(c.B, 0, 1));
        var x = ((0.4124 * r) + (0.3576 * g) + (0.1805 * b)) / 0.95047;
        var y = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        var z = ((0.0193 * r) + (0.1192 * g) + (0.9505 * b)) / 1.08883;
        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;
        var fx = F(x);
        var fy = F(y);
        var fz = F(z);
        return new Lab((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>Hue (degrees 0..360), saturation and value (0..1) of an encoded colour.</summary>
    public static (double H, double S, double V) ToHsv(Rgb c)
    {
        var max = Math.Max(c.R, Math.Max(c.G, c.B));
        var min = Math.Min(c.R, Math.Min(c.G, c.B));
        var delta = max - min;
        double h = 0;
        if (delta > 1e-9)
        {
            if (max == c.R)
            {
                h = 60 * (((c.G - c.B) / delta) % 6);
            }
            else if (max == c.G)
            {
                h = 60 * (((c.B - c.R) / delta) + 2);
            }
            else
            {
                h = 60 * (((c.R - c.G) / delta) + 4);
            }
        }

        if (h < 0)
        {
            h += 360;
        }

        return (h, max <= 1e-9 ? 0 : delta / max, max);
    }

    /// <summary>The encoded colour of hue <paramref name="h"/> (degrees), saturation and value (0..1).</summary>
    public static Rgb FromHsv(double h, double s, double v)
    {
        h = ((h % 360) + 360) % 360;
        var c = v * s;
        var x = c * (1 - Math.Abs(((h / 60) % 2) - 1));
        var m = v - c;
        var (r, g, b) = (int)(h / 60) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return new Rgb(r + m, g + m, b + m);
    }
}
