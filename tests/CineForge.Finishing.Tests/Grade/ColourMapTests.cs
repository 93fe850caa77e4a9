using CineForge.Finishing.Grade;
using CineForge.Finishing.Media;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Tests.Grade;

public sealed class ColourMapTests
{
    [Fact]
    public void OneStopOfExposure_DoublesLinearLight()
    {
        var map = new ColourMap(new GradePlan { ExposureStops = 1 });

        var c = map.Apply(new Rgb(0.4, 0.4, 0.4));

        Assert.Equal(2 * Colour.ToLinear(0.4), Colour.ToLinear(c.R), 3);
    }

    [Fact]
    public void SoftContrast_KeepsMidGreyAndSpreadsTheRest()
    {
        var map = new ColourMap(new GradePlan { SoftContrast = 0.3 });

        Assert.Equal(0.5, map.Apply(new Rgb(0.5, 0.5, 0.5)).R, 6);
        Assert.True(map.Apply(new Rgb(0.25, 0.25, 0.25)).R < 0.25);
        Assert.True(map.Apply(new Rgb(0.75, 0.75, 0.75)).R > 0.75);
    }

    [Fact]
    public void SecondarySkin_TouchesSkinTonesOnly()
    {
        var map = new ColourMap(new GradePlan { SecondarySkin = 1 });
        var skin = new Rgb(0.85, 0.55, 0.45);
        var sky = new Rgb(0.3, 0.5, 0.85);
        var grey = new Rgb(0.5, 0.5, 0.5);

        Assert.NotEqual(skin, map.Apply(skin));
        Assert.Equal(sky, map.Apply(sky));
        Assert.Equal(grey, map.Apply(grey));
    }

    [Fact]
    public void HarmonizationGains_NeutralizeAShotsMeanAtItsOwnLuma()
    {
        var warm = new Rgb(0.6, 0.45, 0.3);

        var gains = Harmonizer.Gains(warm, 1);
        var after = new Rgb(warm.R * gains.R, warm.G * gains.G, warm.B * gains.B);

        Assert.Equal(warm.Luma, after.Luma, 6);
        Assert.True(Colour.ToLab(after).Chroma < 0.5, $"chroma after {Colour.ToLab(after).Chroma}");
    }

    [Fact]
    public void HaldClut_OfTheIdentityMap_IsTheIdentityGrid()
    {
        var path = Path.Combine(Path.GetTempPath(), "identity-" + Guid.NewGuid().ToString("N") + ".ppm");
        try
        {
            HaldClut.Write(path, c => c, level: 2);
            var bytes = File.ReadAllBytes(path);
            var header = System.Text.Encoding.ASCII.GetBytes("P6\n8 8\n65535\n");

            Assert.Equal(header, bytes[..header.Length]);
            Assert.Equal(header.Length + (8 * 8 * 6), bytes.Length);
            var last = bytes[^6..];
            Assert.All(last, b => Assert.Equal(0xff, b));
            Assert.Equal(new byte[] { 0xff, 0xff, 0, 0, 0, 0 }, bytes[(header.Length + (3 * 6))..(header.Length + (4 * 6))]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
