using CineForge.Finishing.Media;
using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Grade;

/// <summary>
/// The grade's per-pixel colour steps as one function, in the method's order: exposure → soft contrast
/// → secondary skin → harmonization gains → LUT. Each is a pure map of a pixel's colour, so the whole
/// chain bakes into one Hald CLUT that FFmpeg applies in a single lookup.
/// </summary>
public sealed class ColourMap
{
    // Skin tones sit in a narrow band of orange hues with moderate saturation.
    private const double SkinHueCentre = 22;
    private const double SkinHueHalfWidth = 28;
    private const double SkinSaturationLow = 0.12;
    private const double SkinSaturationHigh = 0.75;

    // Secondary skin at full amount: hue pulled 35% towards the skin line, saturation eased 12%.
    private const double SkinHuePull = 0.35;
    private const double SkinSaturationEase = 0.12;

    private readonly GradePlan plan;
    private readonly Rgb gains;
    private readonly bool harmonized;

    /// <summary>The map of <paramref name="plan"/> with harmonization gains <paramref name="gains"/> (null: no harmonization step).</summary>
    public ColourMap(GradePlan plan, Rgb? gains = null)
    {
        this.plan = plan;
        this.gains = gains ?? new Rgb(1, 1, 1);
        harmonized = gains is not null;
    }

    /// <summary>The steps before harmonization: what harmonization measures.</summary>
    public Rgb Primary(Rgb c)
    {
        if (plan.ExposureStops is { } stops)
        {
            // Exposure works in linear light, like a change of aperture.
            var factor = DetMath.Pow(2, stops);
            c = new Rgb(Colour.ToEncoded(Math.Min(1, Colour.ToLinear(c.R) * factor)), Colour.ToEncoded(Math.Min(1, Colour.ToLinear(c.G) * factor)), Colour.ToEncoded(Math.Min(1, Colour.ToLinear(c.B) * factor)));
        }

        if (plan.SoftContrast is { } contrast)
        {
            c = new Rgb(SCurve(c.R, contrast), SCurve(c.G, contrast), SCurve(c.B, contrast));
        }

        if (plan.SecondarySkin is { } skin)
        {
            c = Skin(c, skin);
        }

        return c;
    }

    /// <summary>The whole colour map.</summary>
    public Rgb Apply(Rgb c)
    {
        c = Primary(c);
        if (harmonized)
        {
            c = new Rgb(c.R * gains.R, c.G * gains.G, c.B * gains.B).Clamped();
        }

        if (plan.Look is { } look)
        {
            var styled = look.Lut.Apply(c);
            var s = look.Strength;
            c = new Rgb(c.R + ((styled.R - c.R) * s), c.G + ((styled.G - c.G) * s), c.B + ((styled.B - c.B) * s));
        }

        return c.Clamped();
    }

    /// <summary>A gentle S-curve: the smoothstep blended in by <paramref name="amount"/>; mid-grey stays put.</summary>
    internal static double SCurve(double v, double amount)
    {
        v = Math.Clamp(v, 0, 1);
        var s = v * v * (3 - (2 * v));
        return v + ((s - v) * amount);
    }

    /// <summary>Soft skin-hue mask (1 on the skin line, fading to 0 at the band's edges), the weight of the skin correction.</summary>
    internal static double SkinWeight(double hue, double saturation)
    {
        var distance = Math.Abs(((hue - SkinHueCentre + 540) % 360) - 180);
        var hueWeight = Math.Clamp(1 - (distance / SkinHueHalfWidth), 0, 1);
        var satWeight = Smooth(SkinSaturationLow * 0.5, SkinSaturationLow, saturation) * (1 - Smooth(SkinSaturationHigh, Math.Min(1, SkinSaturationHigh + 0.15), saturation));
        return hueWeight * hueWeight * (3 - (2 * hueWeight)) * satWeight;
    }

    private static Rgb Skin(Rgb c, double amount)
    {
        var (h, s, v) = Colour.ToHsv(c);
        var weight = SkinWeight(h, s) * amount;
        if (weight <= 0)
        {
            return c;
        }

        var offset = ((SkinHueCentre - h + 540) % 360) - 180;
        return Colour.FromHsv(h + (offset * SkinHuePull * weight), s * (1 - (SkinSaturationEase * weight)), v);
    }

    private static double Smooth(double edge0, double edge1, double x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - (2 * t));
    }
}
