using CineForge.Rules;
using CineForge.Serialization;

namespace CineForge.Tests.Plan;

public sealed class ShotPresetTests
{
    public static TheoryData<ShotType, Func<Shot>, double, double, Camera> Presets() => new()
    {
        { ShotType.TightPortrait, () => Shot.TightPortrait(TestFilms.Ada), 3.5, 0.35, Camera.Static },
        { ShotType.MediumAction, () => Shot.MediumAction(TestFilms.Ada, "opens a door"), 4.5, 0.48, Camera.Drift },
        { ShotType.WideAmbience, () => Shot.WideAmbience("harbour at dawn"), 4, 0.32, Camera.PanRight },
        { ShotType.ObjectDetail, () => Shot.ObjectDetail("brushed steel watch"), 3, 0.28, Camera.PushIn },
        { ShotType.TightPortrait, () => Shot.TightPortrait(), 3.5, 0.35, Camera.Static },
        { ShotType.MediumAction, () => Shot.MediumAction(), 4.5, 0.48, Camera.Drift },
        { ShotType.WideAmbience, () => Shot.WideAmbience(), 4, 0.32, Camera.PanRight },
        { ShotType.ObjectDetail, () => Shot.ObjectDetail(), 3, 0.28, Camera.PushIn },
    };

    private static readonly Character Mara = Character.Sheet("Mara").Face("early thirties, freckles").Wardrobe("ochre linen shirt").Seed(1207);

    [Fact]
    public void DesignCardChain_Compiles_AndWaitsForItsFilm()
    {
        var shot = Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42);

        Assert.True(shot.SubjectFromFilm);
        Assert.Empty(shot.Characters);
        Assert.Null(shot.Subject);
        Assert.Equal("tight-portrait", shot.Name);
        Assert.Equal((3.5, 0.35, 42), (shot.Duration, shot.Motion, shot.Seed));
    }

    [Fact]
    public void CharacterPresets_TakeTheCastsLead_WhenAdded()
    {
        var film = Film.Titled("Card").Cast(Mara, TestFilms.Ada)
            .Shot(Shot.TightPortrait().Seed(1))
            .Shots(Shot.MediumAction().Action("opens the window").Seed(2));

        Assert.All(film.Shots, s => Assert.Equal(new[] { Mara }, s.Characters));
        Assert.All(film.Shots, s => Assert.False(s.SubjectFromFilm));
        Assert.Contains("ochre linen shirt", film.Prompts()[0].Positive, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherPresets_TakeTheBriefsSubject()
    {
        var film = Film.Titled("Card").Brief(b => b.Subject("amber serum bottle"))
            .Shot(Shot.ObjectDetail().Seed(1))
            .Shot(Shot.WideAmbience().Seed(2));

        Assert.All(film.Shots, s => Assert.Equal("amber serum bottle", s.Subject));
        Assert.Contains("amber serum bottle", film.Prompts()[0].Positive, StringComparison.Ordinal);
    }

    [Fact]
    public void FilmGivesTheSubject_EvenWhenItGetsItsCastAndBriefAfterTheShots()
    {
        var film = Film.Titled("Card")
            .Shot(Shot.TightPortrait().Seed(1))
            .Shot(Shot.ObjectDetail().Seed(2))
            .Cast(Mara)
            .Brief(b => b.Subject("amber serum bottle"))
            .Cast(TestFilms.Ada);

        Assert.Equal(new[] { Mara }, film.Shots[0].Characters);
        Assert.Equal("amber serum bottle", film.Shots[1].Subject);
        Assert.DoesNotContain(film.Validate(), d => d.RuleId == RuleIds.CF0107);
    }

    [Fact]
    public void PresetFeaturingItsOwnCharacter_TakesNothingFromTheFilm()
    {
        var film = Film.Titled("Card").Cast(Mara).Shot(Shot.TightPortrait().Featuring(TestFilms.Ada).Seed(1));

        Assert.Equal(new[] { TestFilms.Ada }, film.Shots[0].Characters);
        Assert.False(film.Shots[0].SubjectFromFilm);
    }

    [Fact]
    public void FilmWithNothingToGive_ReportsCF0107_NamingWhatThePresetTakes()
    {
        var film = Film.Titled("Card")
            .Shot(Shot.TightPortrait().Duration(7).Motion(0.35).Seed(42))
            .Shot(Shot.ObjectDetail().Duration(3).Motion(0.3));

        var missing = film.Validate().Where(d => d.RuleId == RuleIds.CF0107).Select(d => d.Message).ToList();

        Assert.Equal(new[]
        {
            "Shot #1 'tight-portrait' has no subject: tight portrait presets called without one take the cast's lead (Cast(...)), and the film has none",
            "Shot #2 'object-detail-shot' has no subject: object detail shot presets called without one take the brief's subject (Brief(b => b.Subject(...))), and the film has none",
        }, missing);
        Assert.Contains(film.Validate(), d => d.RuleId == RuleIds.CF0201 && d.ShotIndex == 0);
        Assert.Contains(film.Validate(), d => d.RuleId == RuleIds.CF0101 && d.ShotIndex == 1);
    }

    [Fact]
    public void ShotWaitingForItsSubject_RoundTripsThroughJson_AndOthersWriteNoFlag()
    {
        var waiting = Film.Titled("Card").Shot(Shot.TightPortrait().Seed(1));
        var given = Film.Titled("Card").Cast(Mara).Shot(Shot.TightPortrait().Seed(1));

        Assert.True(FilmJson.Deserialize(FilmJson.Serialize(waiting)).Shots[0].SubjectFromFilm);
        Assert.DoesNotContain("subjectFromFilm", FilmJson.Serialize(given), StringComparison.OrdinalIgnoreCase);
    }

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
