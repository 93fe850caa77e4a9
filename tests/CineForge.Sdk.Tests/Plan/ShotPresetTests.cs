using CineForge.Rules;

namespace CineForge.Tests.Plan;

public sealed class ShotPresetTests
{
    public static TheoryData<ShotType, Func<Shot>, double, double, Camera> Presets() => new()
    {
        { ShotType.TightPortrait, () => Shot.TightPortrait(TestFilms.Ada), 3.5, 0.35, Camera.Static },
        { ShotType.MediumAction, () => Shot.MediumAction(TestFilms.Ada, "opens a door"), 4.5, 0.48, Camera.Drift },
        { ShotType.WideAmbience, () => Shot.WideAmbience("harbour at dawn"), 4, 0.32, Camera.PanRight },
        { ShotType.ObjectDetail, () => Shot.ObjectDetail("brushed steel watch"), 3, 0.28, Camera.PushIn },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_SetsTheTablesDefaults(ShotType type, Func<Shot> preset, double duration, double motion, Camera camera)
    {
        var shot = preset();

        Assert.Equal(type, shot.Type);
        Assert.Equal(duration, shot.Duration);
        Assert.Equal(motion, shot.Motion);
        Assert.Equal(camera, shot.Camera);
        Assert.Equal(Recommended.Fps, shot.Fps);
        Assert.Null(shot.Seed);
        Assert.Equal(Level.High, shot.TemporalConsistency);
        Assert.Equal(Level.Low, shot.Noise);
        Assert.Equal(KeyframeSettings.Default, shot.Keyframe);
        Assert.True(shot.Spec.Duration.Contains(shot.Duration));
        Assert.True(shot.Spec.Motion.Contains(shot.Motion));
        Assert.True(shot.Spec.Allows(shot.Camera));
    }

    [Fact]
    public void KeyframeDefaults_AreTheStartingSettings()
    {
        var k = KeyframeSettings.Default;

        Assert.Equal((1536, 864), (k.Width, k.Height));
        Assert.InRange(k.Steps, 30, 45);
        Assert.InRange(k.Cfg, 4.5, 6.5);
        Assert.Equal(Sampler.DpmPlusPlus2MKarras, k.Sampler);
        Assert.InRange(k.Denoise, 0.25, 0.40);
    }

    [Fact]
    public void ShotTypeTable_MatchesTheMethod()
    {
        Assert.Equal((3, 4, 0.30, 0.40), Row(ShotTypes.TightPortrait));
        Assert.Equal((4, 5, 0.40, 0.55), Row(ShotTypes.MediumAction));
        Assert.Equal((3, 5, 0.25, 0.40), Row(ShotTypes.WideAmbience));
        Assert.Equal((2, 4, 0.20, 0.35), Row(ShotTypes.ObjectDetail));
        Assert.False(ShotTypes.TightPortrait.Allows(Camera.Handheld));
        Assert.False(ShotTypes.WideAmbience.Allows(Camera.Tracking));

        static (double, double, double, double) Row(ShotTypeSpec s) => (s.Duration.Min, s.Duration.Max, s.Motion.Min, s.Motion.Max);
    }

    [Fact]
    public void Name_IsASlugOfTheSubject()
    {
        Assert.Equal("serum-drop-on-frosted-glass", Shot.ObjectDetail("Serum drop on frosted glass!").Name);
        Assert.Equal("ada-tight-portrait", Shot.TightPortrait(TestFilms.Ada).Name);
        Assert.Equal("cafe-creme", Shot.ObjectDetail("x").Named("Café crème").Name);
    }
}
