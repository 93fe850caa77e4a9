using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>
/// QA12's reading of a product in a frame: the mean CIELAB colour of the body inside the subject box
/// the render recorded. Only the middle of the box is read (<see cref="Body"/>): a bottle's box also
/// holds its cap and the set beside its neck, and the key side carries the glass's specular stripe.
/// </summary>
public static class ProductAppearance
{
    /// <summary>The part of the subject box read, as fractions of its width and height (left, top, right, bottom).</summary>
    public static readonly (double Left, double Top, double Right, double Bottom) Body = (0.34, 0.4, 0.66, 0.85);

    /// <summary>A body narrower or lower than this, in frame pixels, is too small to read.</summary>
    public const double MinimumSide = 4;

    /// <summary>The mean colour of the product's body in <paramref name="frame"/>, its subject box at <paramref name="subject"/> (frame pixels); null when the body is too small or outside the frame.</summary>
    public static Lab? Of(YuvFrame frame, PixelBox subject)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var x0 = Math.Max(0, (int)Math.Round(subject.Left + (Body.Left * subject.Width)));
        var y0 = Math.Max(0, (int)Math.Round(subject.Top + (Body.Top * subject.Height)));
        var x1 = Math.Min(frame.Width, (int)Math.Round(subject.Left + (Body.Right * subject.Width)));
        var y1 = Math.Min(frame.Height, (int)Math.Round(subject.Top + (Body.Bottom * subject.Height)));
        if (x1 - x0 < MinimumSide || y1 - y0 < MinimumSide)
        {
            return null;
        }

        double sy = 0, su = 0, sv = 0;
        var count = 0;
        var chromaWidth = frame.Width / 2;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var chroma = ((y / 2) * chromaWidth) + (x / 2);
                sy += frame.Y[(y * frame.Width) + x];
                su += frame.U[chroma];
                sv += frame.V[chroma];
                count++;
            }
        }

        var (r, g, b) = YuvFrame.ToRgb(sy / count, su / count, sv / count);
        return Colour.ToLab(new Rgb(r, g, b));
    }

    /// <summary>The mean of <paramref name="colours"/>, component by component.</summary>
    public static Lab Mean(IReadOnlyList<Lab> colours)
    {
        ArgumentNullException.ThrowIfNull(colours);
        return new Lab(colours.Average(c => c.L), colours.Average(c => c.A), colours.Average(c => c.B));
    }
}
