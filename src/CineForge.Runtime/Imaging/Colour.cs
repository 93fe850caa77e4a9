using CineForge.Runtime.Determinism;

namespace CineForge.Runtime.Imaging;

/// <summary>An RGB colour with channels in 0..1: gamma-encoded where it meets pixels and FFmpeg's RGB filters, a working colour in the previz.</summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
public readonly record struct Rgb(double R, double G, double B)
{
    /// <summary>Rec. 709 luma.</summary>
    public double Luma => (0.2126 * R) + (0.7152 * G) + (0.0722 * B);

    /// <summary>This colour times <paramref name="k"/>.</summary>
    public Rgb Scale(double k) => new(R * k, G * k, B * k);

    /// <summary>This colour times <paramref name="other"/>, channel by channel.</summary>
    public Rgb Tint(Rgb other) => new(R * other.R, G * other.G, B * other.B);

    /// <summary>The mix of this colour and <paramref name="other"/> at <paramref name="t"/> (0 = this).</summary>
    public Rgb Mix(Rgb other, double t) => new(R + ((other.R - R) * t), G + ((other.G - G) * t), B + ((other.B - B) * t));

    /// <summary>The colour with its saturation scaled by <paramref name="k"/> (0 = grey).</summary>
    public Rgb Saturate(double k)
    {
        var l = Luma;
        return new(l + ((R - l) * k), l + ((G - l) * k), l + ((B - l) * k));
    }

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
    public double DistanceAb(Lab other) => Math.Sqrt(((A - other.A) * (A - other.A)) + ((B - other.B) * (B - other.B)));

    /// <summary>CIE76 ΔE to <paramref name="other"/>: lightness and colour together (QA12's product appearance).</summary>
    public double DeltaE(Lab other) => Math.Sqrt(((L - other.L) * (L - other.L)) + ((A - other.A) * (A - other.A)) + ((B - other.B) * (B - other.B)));
}

/// <summary>
/// The render's one colour module: sRGB transfer, CIELAB and HSV, for selection's QA, the grade and
/// finishing's measurements alike. Powers go through <see cref="DetMath"/>, not libm: the values land in
/// settings logs, Hald CLUTs and selections, which must be the same bytes on every machine.
/// </summary>
public static class Colour
{
    /// <summary>sRGB transfer function: encoded 0..1 to linear light (clamped to 0..1 first).</summary>
    public static double ToLinear(double v)
    {
        v = Math.Clamp(v, 0, 1);
        return v <= 0.04045 ? v / 12.92 : DetMath.Pow((v + 0.055) / 1.055, 2.4);
    }

    /// <summary>Inverse of <see cref="ToLinear"/>.</summary>
    public static double ToEncoded(double v) => v <= 0.0031308 ? v * 12.92 : (1.055 * DetMath.Pow(v, 1 / 2.4)) - 0.055;

    /// <summary>CIELAB (D65) of an encoded sRGB colour.</summary>
    public static Lab ToLab(Rgb c) => LinearToLab(ToLinear(c.R), ToLinear(c.G), ToLinear(c.B));

    /// <summary>CIELAB (D65) of linear-light sRGB.</summary>
    public static Lab LinearToLab(double r, double g, double b)
    {
        var x = ((0.4124 * r) + (0.3576 * g) + (0.1805 * b)) / 0.95047;
        var y = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        var z = ((0.0193 * r) + (0.1192 * g) + (0.9505 * b)) / 1.08883;
        static double F(double t) => t > 0.008856 ? DetMath.Pow(t, 1.0 / 3) : (7.787 * t) + (16.0 / 116);
        var fy = F(y);
        return new Lab((116 * fy) - 16, 500 * (F(x) - fy), 200 * (fy - F(z)));
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
