using CineForge.Rules;
using CineForge.Runtime.Stages.Select.Qa;
using Xunit.Abstractions;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>Each measured QA check on synthetic frames: the clean clip passes, the same clip with the check's defect fails.</summary>
public sealed class QaMetricTests(ITestOutputHelper output)
{
    private static readonly Lazy<QaReport> Clean = new(() => SyntheticClip.Measure(SyntheticClip.Scene, context: new QaContext(24, 0, 0)));

    [Fact]
    [Trait("Rule", RuleIds.QA01)]
    public void AlternatingExposure_FailsQA01()
    {
        var defect = SyntheticClip.Measure((x, y, t) => Scale(SyntheticClip.Scene(x, y, t), t % 2 == 0 ? 1.05 : 0.95));

        AssertCleanPassesDefectFails(QaMetrics.Flicker, defect);
    }

    [Fact]
    [Trait("Rule", RuleIds.QA02)]
    public void NoisyBorders_FailQA02()
    {
        var defect = SyntheticClip.Measure((x, y, t) =>
        {
            var border = x < 6 || y < 6 || x >= SyntheticClip.Width - 6 || y >= SyntheticClip.Height - 6;
            var c = SyntheticClip.Scene(x, y, t);
            return border ? Add(c, ((x + y) % 2 == 0 ? 1 : -1) * 25) : c;
        });

        AssertCleanPassesDefectFails(QaMetrics.EdgeArtifacts, defect);
    }

    [Fact]
    [Trait("Rule", RuleIds.QA03)]
    public void MagentaCast_FailsQA03()
    {
        var defect = SyntheticClip.Measure((x, y, t) =>
        {
            var (r, g, b) = SyntheticClip.Scene(x, y, t);
            return (r + 28, g - 22, b + 28);
        });

        AssertCleanPassesDefectFails(QaMetrics.ColourCast, defect);
    }

    [Fact]
    [Trait("Rule", RuleIds.QA04)]
    public void Oversharpened_FailsQA04()
    {
        // A strong unsharp mask: every pixel pushed away from its neighbours' mean.
        var defect = SyntheticClip.Measure((x, y, t) =>
        {
            var centre = SyntheticClip.Scene(x, y, t);
            var around = Mean(SyntheticClip.Scene(x - 1, y, t), SyntheticClip.Scene(x + 1, y, t), SyntheticClip.Scene(x, y - 1, t), SyntheticClip.Scene(x, y + 1, t));
            const double amount = 6;
            return (centre.R + (amount * (centre.R - around.R)), centre.G + (amount * (centre.G - around.G)), centre.B + (amount * (centre.B - around.B)));
        });

        AssertCleanPassesDefectFails(QaMetrics.OverSharpness, defect);
    }

    [Fact]
    [Trait("Rule", RuleIds.QA06)]
    public void MotionFarAboveDeclared_FailsQA06()
    {
        // The declared move implies 0.3 px per frame; the clip slides 1.5 px per frame.
        var declared = new QaContext(24, 0.3, null);
        var matching = SyntheticClip.Measure((x, y, t) => SyntheticClip.Scene((int)Math.Round(x - (0.3 * t)), y, 0), 24, declared);
        var defect = SyntheticClip.Measure((x, y, t) => Slide(x, y, t, 1.5), 24, declared);
        output.WriteLine($"matching {matching[RuleIds.QA06]}, defect {defect[RuleIds.QA06]}");

        Assert.True(matching[RuleIds.QA06]!.Passed, matching[RuleIds.QA06]!.ToString());
        Assert.False(defect[RuleIds.QA06]!.Passed, defect[RuleIds.QA06]!.ToString());
    }

    [Fact]
    [Trait("Rule", RuleIds.QA07)]
    public void HeavyNoiseInCtaWindow_FailsQA07()
    {
        var defect = SyntheticClip.Measure((x, y, t) => Add(SyntheticClip.Scene(x, y, t), SyntheticClip.Grain(x, y, t + 1000, 20)), context: new QaContext(24, 0, 0));

        AssertCleanPassesDefectFails(QaMetrics.CtaNoise, defect);
    }

    [Fact]
    [Trait("Rule", RuleIds.QA07)]
    public void ClipOutsideCtaWindow_DoesNotMeasureQA07()
    {
        var report = SyntheticClip.Measure(SyntheticClip.Scene, 6);

        Assert.Null(report[RuleIds.QA07]);
    }

    [Fact]
    [Trait("Rule", RuleIds.QA08)]
    public void FlatFrame_FailsQA08()
    {
        var defect = SyntheticClip.Measure((x, y, t) =>
        {
            var (r, g, b) = SyntheticClip.Scene(x, y, t);
            return (120 + ((r - 120) * 0.12), 120 + ((g - 120) * 0.12), 120 + ((b - 120) * 0.12));
        });

        AssertCleanPassesDefectFails(QaMetrics.MobileContrast, defect);
    }

    [Fact]
    [Trait("Rule", RuleIds.QA09)]
    public void BackgroundBrighterThanSubject_FailsQA09()
    {
        var defect = SyntheticClip.Measure((x, y, t) =>
        {
            var (r, g, b) = SyntheticClip.Scene(x, y, t);
            return (255 - r, 255 - g, 255 - b);
        });

        AssertCleanPassesDefectFails(QaMetrics.BackgroundVsSubject, defect);
    }

    private void AssertCleanPassesDefectFails(QaMetric metric, QaReport defect)
    {
        var clean = Clean.Value[metric.Id]!;
        var bad = defect[metric.Id]!;
        output.WriteLine($"clean {clean}; defect {bad}");
        Assert.True(clean.Passed, $"clean clip: {clean}");
        Assert.False(bad.Passed, $"defective clip: {bad}");
    }

    private static (double R, double G, double B) Slide(int x, int y, int t, double pixelsPerFrame)
    {
        // Bilinear sub-pixel shift of the still scene.
        var sx = x - (pixelsPerFrame * t);
        var x0 = (int)Math.Floor(sx);
        var f = sx - x0;
        var a = SyntheticClip.Scene(x0, y, 0);
        var b = SyntheticClip.Scene(x0 + 1, y, 0);
        return (a.R + ((b.R - a.R) * f), a.G + ((b.G - a.G) * f), a.B + ((b.B - a.B) * f));
    }

    private static (double R, double G, double B) Scale((double R, double G, double B) c, double k) => (c.R * k, c.G * k, c.B * k);

    private static (double R, double G, double B) Add((double R, double G, double B) c, double v) => (c.R + v, c.G + v, c.B + v);

    private static (double R, double G, double B) Mean(params (double R, double G, double B)[] c) => (c.Average(p => p.R), c.Average(p => p.G), c.Average(p => p.B));
}
