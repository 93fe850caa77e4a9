namespace CineForge.Tests.Plan;

public sealed class FluentApiTests
{
    [Fact]
    public void ShotCalls_BuildTheRecord()
    {
        var shot = Shot.TightPortrait(TestFilms.Ada).Duration(3.5).Motion(0.35).Seed(42).Camera(Camera.Static)
            .Mission(Beat.Tension, "the wait").Feels("exhausted").Light(LightDirection.Left).Gaze(GazeAxis.Camera)
            .Keyframe(k => k.Resolution(1920, 1080).Steps(40).Cfg(5)).Variant("B", v => v.Seed(43)).Correct(0.3, "hands");

        var expected = Shot.TightPortrait(TestFilms.Ada) with
        {
            Seed = 42,
            Mission = new Mission(Beat.Tension, "the wait"),
            Feeling = "exhausted",
            Light = LightDirection.Left,
            Gaze = GazeAxis.Camera,
            Keyframe = KeyframeSettings.Default with { Width = 1920, Height = 1080, Steps = 40, Cfg = 5 },
            Variants = ValueList.Of(new Variant("B", VariantChanges.None with { Seed = 43 })),
            Corrections = ValueList.Of(new CorrectionPass(0.3, "hands")),
        };
        Assert.Equal(expected, shot);
    }

    [Fact]
    public void FluentCalls_NeverMutateTheirReceiver()
    {
        var original = Shot.ObjectDetail("brass key");
        var changed = original.Duration(2.5).Seed(1);

        Assert.Equal(3, original.Duration);
        Assert.Null(original.Seed);
        Assert.Equal(2.5, changed.Duration);
        Assert.NotSame(original, changed);
    }

    [Fact]
    public void FilmsDeclaredTheSameWay_AreEqual()
    {
        Assert.Equal(TestFilms.Clean(), TestFilms.Clean());
        Assert.Equal(TestFilms.Clean().GetHashCode(), TestFilms.Clean().GetHashCode());
        Assert.NotEqual(TestFilms.Clean(), TestFilms.Clean().WithShot(0, s => s.Seed(99)));
    }

    [Fact]
    public void GradeChain_KeepsTheOrderAsWritten()
    {
        var film = Film.Titled("t").Grade(g => g.Grain(0.04).Exposure(0.2));

        Assert.Equal(new[] { GradeStepKind.Grain, GradeStepKind.Exposure }, film.Grade.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Sound_DefaultsToTheMethodsTargets()
    {
        var sound = Film.Titled("t").Sound(s => s.Ambience("room.wav").Effect("tap.wav", at: 1.5).Music("theme.wav")).Sound;

        Assert.Equal(new Stem("room.wav", -24), sound.Ambience);
        Assert.Equal(new SoundEffect("tap.wav", 1.5, -16), Assert.Single(sound.Effects));
        Assert.Equal(new Stem("theme.wav", -28), sound.Music);
    }

    [Fact]
    public void Exports_DistributionKeepsHeadroom_MasterDoesNot()
    {
        var exports = Film.Titled("t").Export(e => e.Master().Web().Mobile()).Exports;

        Assert.False(exports.Targets.Single(t => t.Kind == ExportKind.Master).HasHeadroom);
        Assert.True(exports.Targets.Single(t => t.Kind == ExportKind.Web).HasHeadroom);
        Assert.True(exports.Targets.Single(t => t.Kind == ExportKind.Mobile).HasHeadroom);
    }

    [Fact]
    public void MasterCodec_IsProRes422HqUnlessNamed_AndOnlyTheMasterHasOne()
    {
        var exports = Film.Titled("t").Export(e => e.Master().Web().Mobile()).Exports;
        var dnxhr = Film.Titled("t").Export(e => e.Master(MasterCodec.DnxHrHq)).Exports;

        Assert.Equal(MasterCodec.ProRes422Hq, exports.Targets.Single(t => t.Kind == ExportKind.Master).Codec);
        Assert.All(exports.Targets.Where(t => t.Kind != ExportKind.Master), t => Assert.Null(t.Codec));
        Assert.Equal(MasterCodec.DnxHrHq, dnxhr.Targets.Single().Codec);
        Assert.NotEqual(exports.Targets.Single(t => t.Kind == ExportKind.Master), dnxhr.Targets.Single());
    }

    [Fact]
    public void MasterCodec_NotInTheList_IsRefusedNamingTheChoices()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ExportSet.Empty.Master((MasterCodec)7));

        Assert.Equal("codec", error.ParamName);
        Assert.Contains("ProRes422Hq, ProRes422, DnxHrHq", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_IsTheSumOfShotDurations()
    {
        Assert.Equal(15, TestFilms.Clean().Runtime);
    }
}
