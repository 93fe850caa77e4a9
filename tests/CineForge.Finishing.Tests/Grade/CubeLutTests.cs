using CineForge.Finishing.Grade;
using CineForge.Finishing.Media;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Tests.Grade;

public sealed class CubeLutTests
{
    private static IEnumerable<string> Identity(int size, string? header = null)
    {
        if (header is not null)
        {
            yield return header;
        }

        yield return "TITLE \"identity\"";
        yield return "# comment";
        yield return "LUT_3D_SIZE " + size;
        for (var b = 0; b < size; b++)
        {
            for (var g = 0; g < size; g++)
            {
                for (var r = 0; r < size; r++)
                {
                    yield return string.Join(' ', new[] { r, g, b }.Select(v => ((double)v / (size - 1)).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }
    }

    [Fact]
    public void IdentityLut_MapsColoursToThemselves()
    {
        var lut = CubeLut.Parse("identity.cube", Identity(5));

        var c = lut.Apply(new Rgb(0.3, 0.55, 0.8));

        Assert.Equal("identity", lut.Title);
        Assert.Equal(0.3, c.R, 6);
        Assert.Equal(0.55, c.G, 6);
        Assert.Equal(0.8, c.B, 6);
    }

    [Fact]
    public void RedChangesFastest_AsTheFormatSays()
    {
        var lines = Identity(2).ToList();
        lines[4] = "0.5 0 0"; // The second table line is (r=1, g=0, b=0): it maps to half red.

        var lut = CubeLut.Parse("half-red.cube", lines);

        Assert.Equal(0.5, lut.Apply(new Rgb(1, 0, 0)).R, 6);
        Assert.Equal(1, lut.Apply(new Rgb(0, 1, 0)).G, 6);
    }

    [Fact]
    public void ExampleLook_Parses()
    {
        var lut = CubeLut.Load(Path.Combine(RepositoryRoot.Path, "examples", "cosmetic-ad", "looks", "warm-morning.cube"));

        Assert.Equal(17, lut.Size);
        Assert.Equal("Warm Morning", lut.Title);
    }

    [Fact]
    public void TooFewTableLines_NamesTheSizeAndTheCount()
    {
        var lines = Identity(5).Take(3 + 100);

        var error = Assert.Throws<FinishingException>(() => CubeLut.Parse("short.cube", lines));

        Assert.Contains("short.cube", error.Message, StringComparison.Ordinal);
        Assert.Contains("LUT_3D_SIZE 5 needs 125 table lines", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeOutsideTheFormat_IsRejected()
    {
        var error = Assert.Throws<FinishingException>(() => CubeLut.Parse("huge.cube", new[] { "LUT_3D_SIZE 300" }));

        Assert.Contains("LUT_3D_SIZE 300 is outside 2–256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadNumber_NamesTheLine()
    {
        var lines = Identity(2).ToList();
        lines[6] = "0.1 zero 0.3";

        var error = Assert.Throws<FinishingException>(() => CubeLut.Parse("bad.cube", lines));

        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("'zero' is not a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotANumber_IsRejected()
    {
        var lines = Identity(2).ToList();
        lines[4] = "NaN 0 0";

        Assert.Throws<FinishingException>(() => CubeLut.Parse("nan.cube", lines));
    }

    [Fact]
    public void OneDimensionalLut_IsRejected()
    {
        var error = Assert.Throws<FinishingException>(() => CubeLut.Parse("curve.cube", new[] { "LUT_1D_SIZE 4", "0 0 0" }));

        Assert.Contains("1D LUT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-look-" + Guid.NewGuid().ToString("N") + ".cube");

        var error = Assert.Throws<FinishingException>(() => CubeLut.Load(path));

        Assert.Equal(path, error.Path);
        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSizeLine_IsRejected()
    {
        var error = Assert.Throws<FinishingException>(() => CubeLut.Parse("nosize.cube", new[] { "TITLE \"x\"" }));

        Assert.Contains("no LUT_3D_SIZE", error.Message, StringComparison.Ordinal);
    }
}
