using System.Globalization;
using CineForge.Rules;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Stages.Select;

/// <summary>
/// Stage 4: keeps the better take of a shot, for a reason a director can read. A take whose major QA
/// failure survived its correction passes is rejected. Two remaining takes are compared on differences
/// larger than each measure's noise (<see cref="QaMetric.Noise"/>, measured on re-renders): first the
/// number of checks one fails and the other passes, then the measures in <see cref="QaMetrics.SelectionOrder"/>;
/// the first that differs decides and is named with both values. When none differs, the takes tie and
/// the earlier one (A) is kept. When every take is rejected, so is the shot, with a report.
/// </summary>
public static class SelectStage
{
    /// <summary>Chooses among <paramref name="takes"/>; returns the kept label (null: shot rejected) and a one-line report.</summary>
    public static (string? Selected, string Report) Choose(IReadOnlyList<TakeResult> takes)
    {
        var candidates = takes.Where(t => !t.Rejected).OrderBy(t => t.Label, StringComparer.Ordinal).ToList();
        if (candidates.Count == 0)
        {
            var reasons = takes.Select(t => $"{t.Label}-seed{t.Seed}: {string.Join(", ", t.Qa.MajorFailures)} after {t.CorrectionPasses} correction pass(es)");
            return (null, $"rejected: a major defect survived {Recommended.MaxCorrectionPasses} correction passes ({string.Join("; ", reasons)})");
        }

        var best = candidates[0];
        var why = takes.Count > 1 ? "the only take without a major defect" : "the only take";
        foreach (var challenger in candidates.Skip(1))
        {
            var decision = Compare(best.Qa, challenger.Qa);
            (best, why) = decision switch
            {
                null => (best, $"tie, {best.Label} kept (no measure differs from {challenger.Label}'s by more than its noise)"),
                { FirstWins: true } d => (best, Kept(challenger, d.Metric, d.First, d.Second, d.OnLimit)),
                var d => (challenger, Kept(best, d.Metric, d.Second, d.First, d.OnLimit)),
            };
        }

        var failures = best.Qa.Failures.ToList();
        var notes = failures.Count == 0 ? "all QA checks pass" : "minor: " + string.Join(", ", failures);
        return (best.Label, $"{best.Label}-seed{best.Seed} {why}; {notes}");
    }

    /// <summary>
    /// What decides between <paramref name="first"/> and <paramref name="second"/>: the deciding measure and
    /// both values, or null when every measure is within its noise (a true tie).
    /// </summary>
    public static Decision? Compare(QaReport first, QaReport second)
    {
        // Checks measured on both, whose difference is larger than the measure's noise.
        var differing = QaMetrics.All
            .Where(m => first[m.Id] is not null && second[m.Id] is not null && Math.Abs(first[m.Id]!.Value - second[m.Id]!.Value) > m.Noise)
            .ToList();

        // 1. A take that fails a check the other passes (beyond noise) loses, the first such check in the order naming it.
        var failsFirst = differing.Count(m => !first[m.Id]!.Passed && second[m.Id]!.Passed);
        var failsSecond = differing.Count(m => first[m.Id]!.Passed && !second[m.Id]!.Passed);
        if (failsFirst != failsSecond)
        {
            var deciding = Ordered(differing).First(m => first[m.Id]!.Passed != second[m.Id]!.Passed);
            return new Decision(failsFirst < failsSecond, deciding, first[deciding.Id]!.Value, second[deciding.Id]!.Value, OnLimit: true);
        }

        // 2. The first measure in the documented order whose difference exceeds its noise.
        foreach (var metric in QaMetrics.SelectionOrder.Where(differing.Contains))
        {
            var (a, b) = (first[metric.Id]!.Value, second[metric.Id]!.Value);
            return new Decision(metric.Bound == QaBound.AtMost ? a < b : a > b, metric, a, b, OnLimit: false);
        }

        return null;
    }

    private static IEnumerable<QaMetric> Ordered(IEnumerable<QaMetric> metrics) =>
        metrics.OrderBy(m => QaMetrics.SelectionOrder.Contains(m) ? QaMetrics.SelectionOrder.ToList().IndexOf(m) : int.MaxValue);

    // "kept over A: QA01 flicker 0.06 vs 0.19 (noise 0.005)", the kept take's value first.
    private static string Kept(TakeResult other, QaMetric metric, double kept, double lost, bool onLimit)
    {
        string V(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var limit = onLimit ? $"; {other.Label} fails its limit {(metric.Bound == QaBound.AtMost ? "≤" : "≥")} {V(metric.Limit)}" : string.Empty;
        return $"kept over {other.Label}: {metric.Id} {metric.Short} {V(kept)} vs {V(lost)} (noise {V(metric.Noise)}{limit})";
    }

    /// <summary>What decided between two takes.</summary>
    /// <param name="FirstWins">True when the first take compared is the better one.</param>
    /// <param name="Metric">The deciding measure.</param>
    /// <param name="First">Its value on the first take compared.</param>
    /// <param name="Second">Its value on the second.</param>
    /// <param name="OnLimit">True when one take fails the measure's limit and the other passes it; false when the order of criteria decided.</param>
    public sealed record Decision(bool FirstWins, QaMetric Metric, double First, double Second, bool OnLimit);
}
