namespace CineForge.Tests.Plan;

/// <summary>Impossible values are rejected at the call, naming the parameter and the rule.</summary>
public sealed class ArgumentGuardTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Duration_NotPositiveFinite_Throws(double seconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Shot.ObjectDetail("key").Duration(seconds));

        Assert.Equal("seconds", ex.ParamName);
        Assert.StartsWith("CF0201", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Motion_OutsideZeroToOne_Throws(double strength)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Shot.ObjectDetail("key").Motion(strength));

        Assert.Equal("strength", ex.ParamName);
        Assert.StartsWith("CF0204", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Denoise_OutsideZeroToOne_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Shot.ObjectDetail("key").Correct(1.2));

        Assert.Equal("denoise", ex.ParamName);
        Assert.StartsWith("CF0106", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lut_UnknownPath_IsNamedByThePlan_TheAssetCheckOpensIt()
    {
        using var root = FilmAssets.UseRoot(Path.GetTempPath());

        var film = Film.Titled("t").Grade(g => g.Exposure().Lut("no-such-look.cube"));

        // The plan is data: declaring it opens no file (CF0607 is reported by check and the render).
        Assert.Equal("no-such-look.cube", film.Grade.Steps[1].Source);
    }

    [Fact]
    public void Lut_NotACubeFile_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Film.Titled("t").Grade(g => g.Lut("look.png")));

        Assert.Contains(".cube", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("CF0607", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lut_ExistingFile_ResolvesFromTheAssetRoot()
    {
        using var root = FilmAssets.UseRoot(Repo.PathOf("examples", "cosmetic-ad"));

        var film = Film.Titled("t").Grade(g => g.Exposure().Lut("looks/warm-morning.cube", 0.3));

        Assert.Equal(new GradeStep(GradeStepKind.Lut, 0.3, "looks/warm-morning.cube"), film.Grade.Steps[1]);
    }

    [Fact]
    public void Loudness_Positive_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Film.Titled("t").Sound(s => s.Ambience("a.wav", lufs: 3)));

        Assert.StartsWith("CF0701", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectBeforeTheStart_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Film.Titled("t").Sound(s => s.Effect("a.wav", at: -1)));

        Assert.Equal("at", ex.ParamName);
    }

    [Fact]
    public void EmptyTitle_Throws()
    {
        Assert.Throws<ArgumentException>(() => Film.Titled("  "));
    }
}
