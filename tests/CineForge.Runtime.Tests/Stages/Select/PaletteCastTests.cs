using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>Issue 18: QA03 knows the charter's palette. A warm film is not a warm cast; orange frames in a film whose charter says cool are.</summary>
public sealed class PaletteCastTests
{
    [Fact, Trait("Rule", RuleIds.QA03)]
    public void OrangeFrames_InACoolCharter_AreACast()
    {
        var qa = MeasureOrangeClip(Film("teal, navy"));

        Assert.False(qa[RuleIds.QA03]!.Passed, qa[RuleIds.QA03]!.ToString());
    }

    [Fact, Trait("Rule", RuleIds.QA03)]
    public void TheSameOrangeFrames_InAWarmCharter_AreThePaletteAskedFor()
    {
        var qa = MeasureOrangeClip(Film("amber, ochre"));

        Assert.True(qa[RuleIds.QA03]!.Passed, qa[RuleIds.QA03]!.ToString());
    }

    [Fact, Trait("Rule", RuleIds.QA03)]
    public void WithoutAPalette_TheCastIsTheMeansChroma_AndALeanPastThePaletteColourStillCounts()
    {
        var ochre = Colour.ToLab(new Rgb(0.80, 0.58, 0.25));
        var warm = PaletteIntent.Of(Film("ochre"));

        Assert.Equal(Math.Sqrt(200), PaletteIntent.Neutral.Cast(10, 10), 9);
        Assert.Equal(0, warm.Cast(ochre.A / 2, ochre.B / 2), 1);

        // Twice as far as ochre along its own hue: the half beyond it is a cast.
        Assert.Equal(Math.Sqrt((ochre.A * ochre.A) + (ochre.B * ochre.B)), warm.Cast(2 * ochre.A, 2 * ochre.B), 1);

        // The opposite hue (blue) gets no allowance from a warm palette.
        Assert.Equal(Math.Sqrt((ochre.A * ochre.A) + (ochre.B * ochre.B)), warm.Cast(-ochre.A, -ochre.B), 1);
    }

    private static Film Film(string palette) =>
        TestFilms.Short() with { Charter = TestFilms.Short().Charter with { Palette = palette } };

    // Two seconds of textured orange: the mean leans far toward orange (about 50 ΔE(ab) from grey).
    private static QaReport MeasureOrangeClip(Film film)
    {
        const int W = 96, H = 54;
        var analyzer = new ClipAnalyzer(W, H, new QaContext(24, 1, null, PaletteIntent.Of(film)));
        var yuv = new YuvFrame(W, H);
        var image = new RgbImage(W, H);
        for (var n = 0; n < 48; n++)
        {
            for (var y = 0; y < H; y++)
            {
                for (var x = 0; x < W; x++)
                {
                    var shade = (byte)(((x + y) % 7) * 3);
                    image.Set(x, y, (byte)(220 - shade), (byte)(130 - shade), (byte)(50 - shade));
                }
            }

            yuv.Load(image);
            analyzer.Add(yuv, new CineForge.Runtime.Stages.Keyframe.PixelBox(30, 10, 60, 40));
        }

        return analyzer.Finish();
    }
}
