using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Validation;

namespace CineForge.Finishing.Edit;

/// <summary>The transition rule at one cut, from the plan and from the rendered shots.</summary>
/// <param name="From">Shot before the cut.</param>
/// <param name="To">Shot after the cut.</param>
/// <param name="Planned">Dimensions the plan changes at the cut.</param>
/// <param name="Measured">Dimensions the rendered shots change at the cut.</param>
public sealed record CutCheck(string From, string To, IReadOnlyList<string> Planned, IReadOnlyList<string> Measured)
{
    /// <summary>Every dimension that changes, by plan or by measurement.</summary>
    public IReadOnlyList<string> Changes => Planned.Union(Measured).ToList();

    /// <summary>True when the cut changes more dimensions than the rule allows (CF0303).</summary>
    public bool Violates => Changes.Count > Continuity.MaxChangesPerCut;
}

/// <summary>
/// Checks the transition rule (gaze axis, light direction, grain density, contrast level, apparent
/// speed; at most <see cref="Continuity.MaxChangesPerCut"/> change together) at every cut. The gaze
/// axis needs a face model, so it comes from the plan only; the other four are also measured.
/// </summary>
public static class TransitionCheck
{
    /// <summary>Checks every cut of <paramref name="timeline"/>, given each entry's measured statistics.</summary>
    public static IReadOnlyList<CutCheck> Check(Film film, Timeline timeline, IReadOnlyList<ClipStatistics> statistics)
    {
        var cuts = new List<CutCheck>();
        for (var i = 1; i < timeline.Entries.Count; i++)
        {
            var from = timeline.Entries[i - 1].Shot;
            var to = timeline.Entries[i].Shot;
            cuts.Add(new CutCheck(from.Name, to.Name, ContinuityRules.Changes(ContinuityChecks.Look(film, from), ContinuityChecks.Look(film, to)), MeasuredChanges(statistics[i - 1], statistics[i])));
        }

        return cuts;
    }

    /// <summary>The dimensions the rendered pictures change between two shots.</summary>
    public static IReadOnlyList<string> MeasuredChanges(ClipStatistics a, ClipStatistics b)
    {
        var changes = new List<string>();
        if (Math.Abs(a.LightBalance) >= Continuity.MeasuredLightSide && Math.Abs(b.LightBalance) >= Continuity.MeasuredLightSide && Math.Sign(a.LightBalance) != Math.Sign(b.LightBalance))
        {
            changes.Add(Continuity.Dimensions[1]);
        }

        var lowDetail = Math.Max(1e-6, Math.Min(a.FineDetail, b.FineDetail));
        if (Math.Max(a.FineDetail, b.FineDetail) / lowDetail >= Continuity.MeasuredGrainRatio)
        {
            changes.Add(Continuity.Dimensions[2]);
        }

        if (Math.Abs(a.ContrastSpread - b.ContrastSpread) >= Continuity.MeasuredContrastStep)
        {
            changes.Add(Continuity.Dimensions[3]);
        }

        if (Math.Abs(a.Motion - b.Motion) >= Continuity.MeasuredSpeedStep)
        {
            changes.Add(Continuity.Dimensions[4]);
        }

        return changes;
    }
}
