using CineForge.Rules;
using CineForge.Validation;

namespace CineForge.Finishing;

/// <summary>One measured QA value.</summary>
/// <param name="Metric">The QA check.</param>
/// <param name="Scope">What was measured: a shot's name, a stem's name, "film", "mobile export".</param>
/// <param name="Value">The measured value, in the metric's unit.</param>
/// <param name="Source">Who measured it: "selection" (the take's QA) or "finishing".</param>
public sealed record QaResult(QaMetric Metric, string Scope, double Value, string Source)
{
    /// <summary>True when the value is on the passing side of the metric's threshold.</summary>
    public bool Passes => Metric.Passes(Value);

    /// <summary>The rule behind the check: its CF rule when it backs one, else the QA id.</summary>
    public string RuleId => Metric.RuleId ?? Metric.Id;
}

/// <summary>The publication checklist filled in from the plan and from what was measured.</summary>
public static class MeasuredChecklist
{
    /// <summary>Each item: the plan's verdict, replaced by the measurements for items that await the render.</summary>
    public static IReadOnlyList<ChecklistEntry> Of(Film film, IReadOnlyList<QaResult> qa)
    {
        return ChecklistStatus.Of(film).Select(entry =>
        {
            if (entry.State != ChecklistState.AwaitsRender)
            {
                return entry;
            }

            var item = PublicationChecklist.Items.First(i => i.Key == entry.Key);
            var ids = ChecklistStatus.Checks(film, item);
            // Each failing check with what it failed on: "QA11: texture, applies-serum".
            var failed = qa.Where(q => ids.Contains(q.Metric.Id) && !q.Passes).GroupBy(q => q.Metric.Id)
                .Select(g => g.Key + ": " + string.Join(", ", g.Select(q => q.Scope).Distinct())).ToList();
            if (failed.Count > 0)
            {
                return entry with { State = ChecklistState.Failed, Because = failed };
            }

            var unmeasured = ids.Where(id => qa.All(q => q.Metric.Id != id)).ToList();
            return unmeasured.Count == 0 ? entry with { State = ChecklistState.Met } : entry with { Because = unmeasured };
        }).ToList();
    }
}
