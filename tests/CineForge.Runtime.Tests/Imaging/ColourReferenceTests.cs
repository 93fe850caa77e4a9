using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Tests.Imaging;

/// <summary>
/// The one colour module (issue 17): CIELAB within 0.05 of the published sRGB values, and the exact
/// doubles pinned, since selection's QA, the grade's Hald CLUTs and finishing's measurements all read
/// them (CI reruns this class with hardware intrinsics off).
/// </summary>
public sealed class ColourReferenceTests
{
    [Theory]
    [InlineData(1.0, 0.0, 0.0, 53.24, 80.09, 67.20)]
    [InlineData(0.0, 1.0, 0.0, 87.73, -86.18, 83.18)]
    [InlineData(0.0, 0.0, 1.0, 32.30, 79.19, -107.86)]
    [InlineData(1.0, 1.0, 1.0, 100.0, 0.0, 0.0)]
    [InlineData(0.5, 0.5, 0.5, 53.39, 0.0, 0.0)]
    public void ToLab_MatchesPublishedSrgbValues(double r, double g, double b, double l, double a, double bb)
    {
        var lab = Colour.ToLab(new Rgb(r, g, b));

        Assert.Equal(l, lab.L, 0.05);
        Assert.Equal(a, lab.A, 0.05);
        Assert.Equal(bb, lab.B, 0.05);
    }

    [Fact]
    public void ToLab_IsPinnedToTheBit()
    {
        var lab = Colour.ToLab(new Rgb(0.8, 0.55, 0.3));

        Assert.Equal(
            ["404fc086a20318e6", "4031dbb48062d193", "404597cc0a36fffa"],
            new[] { lab.L, lab.A, lab.B }.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    [Fact]
    public void TransferFunction_RoundTrips()
    {
        for (var i = 0; i <= 255; i++)
        {
            var v = i / 255.0;
            Assert.Equal(v, Colour.ToEncoded(Colour.ToLinear(v)), 1e-9);
        }
    }
}
