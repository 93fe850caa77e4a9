using CineForge.Rules;
using CineForge.Runtime.Stages.Select;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>Issue 18: selection decides on differences larger than each measure's noise, in a documented order, and says which.</summary>
public sealed class SelectStageTests
{
    [Fact]
    public void TakesWithinEveryNoise_Tie_AndAIsKept()
    {
        var a = Take("A", 42, (QaMetrics.Flicker, 0.610), (QaMetrics.OverSharpness, 0.1200), (QaMetrics.ColourCast, 5.00));
        var b = Take("B", 43, (QaMetrics.Flicker, 0.608), (QaMetrics.OverSharpness, 0.1203), (QaMetrics.ColourCast, 4.98));

        var (selected, report) = SelectStage.Choose([a, b]);

        Assert.Equal("A", selected);
        Assert.StartsWith("A-seed42 tie, A kept", report, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstMeasureInTheOrderBeyondItsNoise_Decides_AndIsNamedWithBothValues()
    {
        // B is far sharper-looking (QA04) but flickers less (QA01): flicker comes first in the order.
        var a = Take("A", 42, (QaMetrics.Flicker, 0.19), (QaMetrics.OverSharpness, 0.05));
        var b = Take("B", 43, (QaMetrics.Flicker, 0.06), (QaMetrics.OverSharpness, 0.20));

        var (selected, report) = SelectStage.Choose([a, b]);

        Assert.Equal("B", selected);
        Assert.StartsWith("B-seed43 kept over A: QA01 flicker 0.06 vs 0.19 (noise 0.005)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingCheckTheOtherTakePasses_DecidesBeforeTheOrder()
    {
        // A flickers less, but its background outshines the subject past QA09's limit; B passes it.
        var a = Take("A", 42, (QaMetrics.Flicker, 0.10), (QaMetrics.BackgroundVsSubject, 1.40));
        var b = Take("B", 43, (QaMetrics.Flicker, 0.30), (QaMetrics.BackgroundVsSubject, 1.10));

        var (selected, report) = SelectStage.Choose([a, b]);

        Assert.Equal("B", selected);
        Assert.Contains("kept over A: QA09 background vs subject 1.1 vs 1.4 (noise 0.0005; A fails its limit ≤ 1.25)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ADifferenceWithinNoise_IsSkipped_AndTheNextMeasureDecides()
    {
        var a = Take("A", 42, (QaMetrics.Flicker, 0.500), (QaMetrics.EdgeArtifacts, 0.80));
        var b = Take("B", 43, (QaMetrics.Flicker, 0.497), (QaMetrics.EdgeArtifacts, 0.95));

        var decision = SelectStage.Compare(a.Qa, b.Qa);

        Assert.NotNull(decision);
        Assert.True(decision.FirstWins);
        Assert.Equal(RuleIds.QA02, decision.Metric.Id);
    }

    private static TakeResult Take(string label, int seed, params (QaMetric Metric, double Value)[] scores) =>
        new(label, seed, label + ".mp4", "key-" + label, "sha-" + label, 0, new QaReport(scores.Select(s => QaScore.Of(s.Metric, s.Value)).ToList(), 0, 0, 96), false, new TakeMadeBy(null, null));
}
