using CineForge.Finishing.Grade;
using CineForge.Rules;

namespace CineForge.Finishing.Tests.Grade;

public sealed class GradeOrderTests
{
    private static string Root => Path.Combine(RepositoryRoot.Path, "examples", "cosmetic-ad");

    private static Film WithGrade(Func<GradeChain, GradeChain> grade)
    {
        using (FilmAssets.UseRoot(Root))
        {
            return TestFilms.Shots(3, 3, 3).Grade(grade);
        }
    }

    private static string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    [Fact, Trait("Rule", RuleIds.CF0601)]
    public void LutBeforeExposure_IsRefusedNamingCF0601()
    {
        var film = WithGrade(g => g.Lut("looks/warm-morning.cube", 0.3).Exposure(0.2).SoftContrast(0.1).Harmonize().Grain(0.04));

        var error = Assert.Throws<FinishingException>(() => GradePlan.From(film, Resolve));

        Assert.Equal(RuleIds.CF0601, error.RuleId);
        Assert.Contains("CF0601", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing applied", error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", RuleIds.CF0602)]
    public void ContrastBeforeExposure_IsRefusedNamingCF0602()
    {
        var film = WithGrade(g => g.SoftContrast(0.15).Exposure(0.2).Grain(0.04));

        var error = Assert.Throws<FinishingException>(() => GradePlan.From(film, Resolve));

        Assert.Equal(RuleIds.CF0602, error.RuleId);
        Assert.Contains("CF0602", error.Message, StringComparison.Ordinal);
        Assert.Contains(GradeOrder.Describe(), error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", RuleIds.CF0602)]
    public void LutAfterGrain_IsRefusedNotReordered()
    {
        var film = WithGrade(g => g.Exposure(0.2).Harmonize().Grain(0.04).Lut("looks/warm-morning.cube", 0.3));

        var error = Assert.Throws<FinishingException>(() => GradePlan.From(film, Resolve));

        Assert.Equal(RuleIds.CF0602, error.RuleId);
        Assert.Contains("after fine grain", error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", RuleIds.CF0606)]
    public void LutBeforeHarmonization_IsRefused()
    {
        var film = WithGrade(g => g.Exposure(0.2).Lut("looks/warm-morning.cube", 0.3).Harmonize().Grain(0.04));

        var error = Assert.Throws<FinishingException>(() => GradePlan.From(film, Resolve));

        Assert.Contains("CF0606", error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", RuleIds.CF0604)]
    public void ExposureTwice_IsRefused()
    {
        var film = WithGrade(g => g.Exposure(0.2).Exposure(0.1).Grain(0.04));

        var error = Assert.Throws<FinishingException>(() => GradePlan.From(film, Resolve));

        Assert.Equal(RuleIds.CF0604, error.RuleId);
    }

    [Fact]
    public void ChainInOrder_ResolvesEveryStepInTheMethodsOrder()
    {
        var film = WithGrade(g => g.Exposure(0.2).SoftContrast(0.15).SecondarySkin(0.4).Harmonize().Lut("looks/warm-morning.cube", 0.3).Grain(0.04));

        var plan = GradePlan.From(film, Resolve);

        Assert.Equal(new[] { "exposure 0.2", "soft contrast 0.15", "secondary skin 0.4", "harmonization 1", "LUT warm-morning.cube 0.3", "fine grain 0.04" }, plan.Describe());
        Assert.Equal(17, plan.Look!.Value.Lut.Size);
    }

    [Fact, Trait("Rule", RuleIds.CF0603)]
    public void Sharpen_IsAppliedBeforeGrainAndFlagged()
    {
        var film = WithGrade(g => g.Exposure(0.1).Sharpen(0.3).Grain(0.04));
        var plan = GradePlan.From(film, Resolve);

        var graph = GradeStage.FilterGraph(new Finishing.Edit.Timeline(Array.Empty<Finishing.Edit.TimelineEntry>(), new FrameSize(192, 108), 24, Array.Empty<string>()), plan, "cut", 1);

        Assert.Contains(plan.Warnings, w => w.RuleId == RuleIds.CF0603);
        Assert.True(graph.IndexOf("unsharp", StringComparison.Ordinal) < graph.IndexOf("noise=", StringComparison.Ordinal));
        Assert.EndsWith("noise=c0s=6:c0f=t+u[out]", graph, StringComparison.Ordinal);
    }
}
