using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>One colour's CIELAB a*b*: its hue and chroma.</summary>
/// <param name="A">a*: green (negative) to magenta (positive).</param>
/// <param name="B">b*: blue (negative) to yellow (positive).</param>
public readonly record struct AbPoint(double A, double B);

/// <summary>
/// The colours a film asks for, as CIELAB a*b* points: its charter's palette (else its brief's), and
/// the grade's look where one is applied. QA03 judges a shot's mean colour against them: a mean that
/// leans toward one of them, no further from neutral than that colour, is the palette the film asks for
/// (a warm film), not a cast; the cast is what is left, the mean's a*b* distance to the nearest segment
/// from neutral to a palette colour. With no palette, that is the mean's chroma (grey world).
/// </summary>
/// <param name="Colours">The palette's colours (colour words the plan names; unnamed words ask for nothing).</param>
public sealed record PaletteIntent(IReadOnlyList<AbPoint> Colours)
{
    /// <summary>A film that asks for no colour: every lean from grey is a cast.</summary>
    public static readonly PaletteIntent Neutral = new(Array.Empty<AbPoint>());

    /// <summary>The palette <paramref name="film"/>'s charter (else its brief) names.</summary>
    public static PaletteIntent Of(Film film)
    {
        ArgumentNullException.ThrowIfNull(film);
        return new(ColourWords.Find(film.Charter.Palette ?? film.Brief.Palette).Select(Point).ToList());
    }

    /// <summary>The palette plus <paramref name="colour"/> (a look's lean).</summary>
    public PaletteIntent And(Rgb colour) => new(Colours.Append(Point(colour)).ToList());

    /// <summary>QA03: the cast of a mean colour of a*b* (<paramref name="a"/>, <paramref name="b"/>) in this palette, in ΔE(ab).</summary>
    public double Cast(double a, double b)
    {
        var cast = Math.Sqrt((a * a) + (b * b));
        foreach (var c in Colours)
        {
            var length = (c.A * c.A) + (c.B * c.B);
            if (length < 1e-9)
            {
                continue;
            }

            var t = Math.Clamp(((a * c.A) + (b * c.B)) / length, 0, 1);
            cast = Math.Min(cast, Math.Sqrt(Math.Pow(a - (t * c.A), 2) + Math.Pow(b - (t * c.B), 2)));
        }

        return cast;
    }

    private static AbPoint Point(Rgb colour)
    {
        var lab = Colour.ToLab(colour);
        return new AbPoint(Math.Round(lab.A, 2), Math.Round(lab.B, 2));
    }
}
