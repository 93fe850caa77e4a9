using CineForge.Rules;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>Selection keeps the best take and rejects a take whose major defect survives the correction passes.</summary>
public sealed class SelectionTests
{
    [Fact]
    [Trait("Rule", RuleIds.CF0403)]
    public async Task FlickeringTakeA_IsRejectedAfterTwoPasses_AndBIsKept()
    {
        using var folder = new TempFolder();
        var film = OneShot(s => s.Variant("B", v => v.Seed(22)));
        var backends = RenderBackends.Previz() with { Animator = new FlickeringAnimator(new PrevizAnimator(), seed => seed == 21) };

        var result = await new FilmRenderer(backends).RenderAsync(film, TestFilms.Options(folder.Path));

        var shot = result.Shots.Single();
        Assert.Equal("B", shot.Selected);
        var a = shot.Takes.Single(t => t.Label == "A");
        Assert.True(a.Rejected);
        Assert.Equal(Recommended.MaxCorrectionPasses, a.CorrectionPasses);
        Assert.False(a.Qa[RuleIds.QA01]!.Passed);
        Assert.Equal(Recommended.MaxCorrectionPasses, result.Work.CorrectionsRun);
        Assert.True(result.AllSelected);
    }

    [Fact]
    public async Task EveryTakeFlickers_ShotIsRejected_WithAReportNamingTheDefect()
    {
        using var folder = new TempFolder();
        var film = OneShot(s => s);
        var backends = RenderBackends.Previz() with { Animator = new FlickeringAnimator(new PrevizAnimator(), _ => true) };

        var result = await new FilmRenderer(backends).RenderAsync(film, TestFilms.Options(folder.Path));

        var shot = result.Shots.Single();
        Assert.True(shot.Rejected);
        Assert.False(result.AllSelected);
        Assert.Contains("rejected", shot.Report, StringComparison.Ordinal);
        Assert.Contains("QA01", shot.Report, StringComparison.Ordinal);
        Assert.Contains($"after {Recommended.MaxCorrectionPasses} correction pass", shot.Report, StringComparison.Ordinal);
        Assert.Contains("\"selected\": null", await File.ReadAllTextAsync(Path.Combine(shot.Directory, ShotRenderer.SettingsLogName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclaredCorrection_CountsTowardsThePassBudget()
    {
        using var folder = new TempFolder();
        var film = OneShot(s => s.Correct(0.3, "fingers"));

        var result = await new FilmRenderer().RenderAsync(film, TestFilms.Options(folder.Path));

        var take = result.Shots.Single().Takes.Single();
        Assert.Equal(1, take.CorrectionPasses);
        Assert.False(take.Rejected);
        Assert.Equal(1, result.Work.CorrectionsRun);
    }

    private static Film OneShot(Func<Shot, Shot> configure)
    {
        var film = TestFilms.Short();
        return film with { Shots = ValueList.Of(configure(film.Shots[2].Seed(21))) };
    }

    /// <summary>Wraps an animator and alternates the exposure of every other frame: a flicker defect (QA01).</summary>
    private sealed class FlickeringAnimator(IAnimator inner, Func<long, bool> flickers) : IAnimator
    {
        public BackendIdentity Identity { get; } = new("test-flicker", "1", Array.Empty<string>());

        public void Animate(KeyframeImage keyframe, AnimationRequest request, Action<AnimatedFrame> sink, CancellationToken cancellationToken) =>
            inner.Animate(keyframe, request, frame =>
            {
                if (flickers(request.Seed) && frame.Index % 2 == 1)
                {
                    var pixels = frame.Image.Pixels;
                    for (var i = 0; i < pixels.Length; i++)
                    {
                        pixels[i] = (byte)Math.Min(255, pixels[i] + 12);
                    }
                }

                sink(frame);
            }, cancellationToken);
    }
}
