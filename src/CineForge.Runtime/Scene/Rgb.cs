namespace CineForge.Runtime.Scene;

/// <summary>A linear-ish working colour, 0..1 per channel.</summary>
public readonly record struct Rgb(double R, double G, double B)
{
    /// <summary>This colour times <paramref name="k"/>.</summary>
    public Rgb Scale(double k) => new(R * k, G * k, B * k);

    /// <summary>This colour times <paramref name="other"/>, channel by channel.</summary>
    public Rgb Tint(Rgb other) => new(R * other.R, G * other.G, B * other.B);

    /// <summary>The mix of this colour and <paramref name="other"/> at <paramref name="t"/> (0 = this).</summary>
    public Rgb Mix(Rgb other, double t) => new(R + ((other.R - R) * t), G + ((other.G - G) * t), B + ((other.B - B) * t));

    /// <summary>Rec. 709 luma.</summary>
    public double Luma => (0.2126 * R) + (0.7152 * G) + (0.0722 * B);

    /// <summary>The colour with its saturation scaled by <paramref name="k"/> (0 = grey).</summary>
    public Rgb Saturate(double k)
    {
        var l = Luma;
        return new(l + ((R - l) * k), l + ((G - l) * k), l + ((B - l) * k));
    }
}
