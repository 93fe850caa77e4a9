using CineForge.Rules;

namespace CineForge.Tests.Validation;

/// <summary>Every rule the plan can show: one failing case (exactly that rule fires) and the clean film passing it.</summary>
public sealed class RuleViolationTests
{
    /// <summary>A product the clean film's letter shot names in its own words ("handwritten letter on cream paper").</summary>
    private static readonly Product Stationery = Product.Sheet("Stationery").Colour("cream").Shape("sheet of paper").Seed(5);

    /// <summary>A product no shot of the clean film names.</summary>
    private static readonly Product Card = Product.Sheet("Card").Colour("cream").Shape("greeting card").Seed(5);

    /// <summary>Each rule id with a change to the clean film that breaks that rule and nothing else.</summary>
    public static TheoryData<string, Func<Film, Film>> Breakers() => new()
    {
        { RuleIds.CF0101, f => f.WithShot(1, s => s with { Seed = null }) },
        { RuleIds.CF0102, f => f.WithShot(1, s => s.Keyframe(k => k.Resolution(1280, 720))) },
        { RuleIds.CF0103, f => f.WithShot(1, s => s.Keyframe(k => k.Steps(80))) },
        { RuleIds.CF0104, f => f.WithShot(1, s => s.Keyframe(k => k.Cfg(12))) },
        { RuleIds.CF0105, f => f.WithShot(1, s => s.Keyframe(k => k.Sampler(Sampler.Euler))) },
        { RuleIds.CF0106, f => f.WithShot(1, s => s.Correct(0.7)) },
        { RuleIds.CF0107, f => f.WithShot(1, s => s with { Characters = ValueList<Character>.Empty, SubjectFromFilm = true }) },
        { RuleIds.CF0201, f => f.WithShot(2, s => s.Duration(6)) },
        { RuleIds.CF0202, f => f.WithShot(1, s => s.Duration(4.5)) },
        { RuleIds.CF0203, f => f.WithShot(1, s => s.Fps(30)) },
        { RuleIds.CF0204, f => f.WithShot(1, s => s.Motion(0.45)) },
        { RuleIds.CF0205, f => f.WithShot(1, s => s.Noise(Level.Medium)) },
        { RuleIds.CF0206, f => f.WithShot(1, s => s.Camera(Camera.Handheld)) },
        { RuleIds.CF0301, f => f.WithShot(1, s => s with { Characters = ValueList.Of(Character.Sheet("Bo").Face("twenties")) }) },
        { RuleIds.CF0302, f => f.WithShot(1, s => s.Wearing("red dress")) },
        { RuleIds.CF0303, f => f.WithShot(0, s => s.Gaze(GazeAxis.Left).Contrast(Level.Low)).WithShot(1, s => s.Gaze(GazeAxis.Right).Contrast(Level.High).Grain(0.1)).WithShot(0, s => s.Grain(0.02)) },
        { RuleIds.CF0304, f => f.WithShot(1, s => s.Light(LightDirection.Right)) },
        { RuleIds.CF0305, f => f.Products(Stationery) },
        { RuleIds.CF0306, f => f.Format(Format.Ad("Try it.")).Shot(Shot.ObjectDetail("stamp on the envelope").Seed(5).Mission(Beat.CallToAction)) },
        { RuleIds.CF0401, f => f.WithShot(1, s => s.Variant("B", v => v.Seed(5)).Variant("C", v => v.Seed(6))) },
        { RuleIds.CF0402, f => f.WithShot(1, s => s.Variant("B", v => v.Seed(5).Cfg(5))) },
        { RuleIds.CF0403, f => f.WithShot(1, s => s.Correct(0.3).Correct(0.3).Correct(0.3)) },
        { RuleIds.CF0501, f => f.Shot(Shot.ObjectDetail("stamp on the envelope").Seed(5).Duration(2.5)) },
        { RuleIds.CF0502, f => f.WithShot(3, s => s.Mission(Beat.Tension)) },
        { RuleIds.CF0504, f => f.Brief(b => b with { Weather = null }) },
        { RuleIds.CF0505, f => f.Logline(string.Join(" ", Enumerable.Repeat("word", Recommended.PitchMaxWords))) },
        { RuleIds.CF0506, f => f.Format(Format.Ad("Try it.")).Products(Card) },
        { RuleIds.CF0507, f => f with { Shots = ValueList<Shot>.From(f.Shots.Select(s => s.Duration(4))) } },
        { RuleIds.CF0601, f => f.Grade(g => g.SoftContrast().SecondarySkin().Harmonize().Look("warm").Grain()) },
        { RuleIds.CF0602, f => f.Grade(g => g.Exposure(0.1).SecondarySkin().SoftContrast().Harmonize().Grain()) },
        { RuleIds.CF0603, f => f.Grade(g => g.Exposure(0.1).SoftContrast().SecondarySkin().Harmonize().Grain().Sharpen(0.3)) },
        { RuleIds.CF0604, f => f.Grade(g => g.Exposure(0.1).SoftContrast().SecondarySkin().Harmonize().Look("teal orange", 0.9).Grain()) },
        { RuleIds.CF0605, f => f.Export(e => e.Master().Web(headroom: false).Mobile()) },
        { RuleIds.CF0606, f => f.Grade(g => g.Exposure(0.1).SoftContrast().SecondarySkin().Look("warm").Harmonize().Grain()) },
        { RuleIds.CF0701, f => f.Sound(s => s.RoomTone(lufs: -18)) },
        { RuleIds.CF0702, f => f.Sound(s => s.RoomTone().Effect("boom.wav", at: 1, lufs: -8)) },
        { RuleIds.CF0703, f => f.Sound(s => s.Effect("paper.wav", at: 12)) },
        { RuleIds.CF0704, f => f.Sound(s => s.RoomTone().Music("theme.wav", lufs: -20)) },
        { RuleIds.CF0801, f => f.Export(e => e.Master().Web()) },
        { RuleIds.CF0802, f => f.Export(e => e.Web().Mobile()) },
    };

    [Fact]
    public void TwoShotFilm_ReportsTooFewShots_AndTheMissingArc()
    {
        var film = TestFilms.Clean() with { Shots = ValueList.Of(TestFilms.Clean().Shots[0], TestFilms.Clean().Shots[1]) };

        Assert.Equal(new[] { RuleIds.CF0502, RuleIds.CF0503 }, film.Validate().Select(d => d.RuleId));
    }

    [Fact]
    public void CleanFilm_HasNoDiagnostic()
    {
        Assert.Empty(TestFilms.Clean().Validate());
    }

    [Theory]
    [MemberData(nameof(Breakers))]
    public void BrokenFilm_ReportsExactlyThatRule(string ruleId, Func<Film, Film> breaker)
    {
        var diagnostics = breaker(TestFilms.Clean()).Validate();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(ruleId, diagnostic.RuleId);
        Assert.Equal(RuleCatalog.Get(ruleId).Severity, diagnostic.Severity);
        Assert.DoesNotContain("{", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRunTimeRule_HasABreaker()
    {
        // CF0503 cannot fire alone (two shots cannot hold the four-beat arc): TwoShotFilm_... covers it.
        var covered = Breakers().Select(row => (string)row[0]).Append(RuleIds.CF0503).ToHashSet();
        var runtime = RuleCatalog.All.Where(r => r.Scope.HasFlag(RuleScope.Run)).Select(r => r.Id);

        Assert.Empty(runtime.Except(covered));
    }

    [Fact]
    public void ShotDiagnostic_NamesTheShot()
    {
        var diagnostic = Assert.Single(TestFilms.Clean().WithShot(2, s => s.Duration(7)).Validate());

        Assert.Equal(2, diagnostic.ShotIndex);
        Assert.Equal("opens", diagnostic.ShotName);
        Assert.Equal("Shot #3 'opens' lasts 7 s, over the 5 s maximum: generate short segments and edit them", diagnostic.Message);
        Assert.Equal("error CF0201: Shot #3 'opens' lasts 7 s, over the 5 s maximum: generate short segments and edit them", diagnostic.ToString());
    }

    [Fact]
    public void ClipOverFiveSeconds_DoesNotAlsoReportTheShotTypeRange()
    {
        var ids = TestFilms.Clean().WithShot(1, s => s.Duration(9)).Validate().Select(d => d.RuleId);

        Assert.Equal(new[] { RuleIds.CF0201 }, ids);
    }

    [Fact]
    public void VariantSettings_AreCheckedLikeTheShots()
    {
        var ids = TestFilms.Clean().WithShot(1, s => s.Variant("B", v => v.Motion(0.8))).Validate().Select(d => d.RuleId);

        Assert.Equal(new[] { RuleIds.CF0204 }, ids);
    }

    [Fact]
    public void ArcOutOfOrder_SaysWhichBeatComesFirst()
    {
        var film = TestFilms.Clean().WithShot(0, s => s.Mission(Beat.Decision)).WithShot(2, s => s.Mission(Beat.Setup));

        var diagnostic = Assert.Single(film.Validate());

        Assert.Equal(RuleIds.CF0502, diagnostic.RuleId);
        Assert.Contains("tension comes before setup", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsRenderable_IsFalseOnlyForErrors()
    {
        Assert.True(TestFilms.Clean().WithShot(1, s => s.Fps(30)).IsRenderable());
        Assert.False(TestFilms.Clean().WithShot(1, s => s with { Seed = null }).IsRenderable());
    }
}
