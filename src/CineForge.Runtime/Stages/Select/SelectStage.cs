using System.Globalization;
using CineForge.Rules;

namespace CineForge.Runtime.Stages.Select;

/// <summary>
/// Stage 4: keeps the best take of a shot. A take whose major QA failure survived its correction
/// passes is rejected; among the others the one with the fewest failures, then the lowest
/// badness, wins (ties go to A). When every take is rejected, so is the shot, with a report.
/// </summary>
public static class SelectStage
{
    /// <summary>Chooses among <paramref name="takes"/>; returns the kept label (null: shot rejected) and a one-line report.</summary>
    public static (string? Selected, string Report) Choose(IReadOnlyList<TakeResult> takes)
    {
        var candidates = takes.Where(t => !t.Rejected)
            .OrderBy(t => t.Qa.Failures.Count())
            .ThenBy(t => t.Qa.Badness)
            .ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            var reasons = takes.Select(t => $"{t.Label}-seed{t.Seed}: {string.Join(", ", t.Qa.MajorFailures)} after {t.CorrectionPasses} correction pass(es)");
            return (null, $"rejected: a major defect survived {Recommended.MaxCorrectionPasses} correction passes ({string.Join("; ", reasons)})");
        }

        var best = candidates[0];
        var failures = best.Qa.Failures.ToList();
        var why = candidates.Count > 1
            ? string.Create(CultureInfo.InvariantCulture, $"kept over {string.Join(", ", candidates.Skip(1).Select(c => c.Label))} (badness {best.Qa.Badness:0.###} vs {string.Join(", ", candidates.Skip(1).Select(c => c.Qa.Badness.ToString("0.###", CultureInfo.InvariantCulture)))})")
            : takes.Count > 1 ? "the only take without a major defect" : "the only take";
        var notes = failures.Count == 0 ? "all QA checks pass" : "minor: " + string.Join(", ", failures);
        return (best.Label, $"{best.Label}-seed{best.Seed} {why}; {notes}");
    }
}
