using System;
using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>The story rules (CF0501–CF0507), each written once (see <see cref="ShotChecks"/>).</summary>
public static class StoryRules
{
    /// <summary>CF0501: a shot without a narrative mission.</summary>
    public static RuleFinding? Mission(Beat? beat) => beat is null ? new RuleFinding(RuleIds.CF0501, 0) : null;

    /// <summary>CF0502: the shots' beats, in timeline order, break setup → tension → decision → consequence.</summary>
    public static RuleFinding? Arc(IEnumerable<Beat?> beats) => NarrativeArc.Problem(beats) is { } problem ? new RuleFinding(RuleIds.CF0502, 0, problem) : null;

    /// <summary>CF0503: fewer than three shots.</summary>
    public static RuleFinding? ShotCount(int shots) => shots < Recommended.MinShots ? new RuleFinding(RuleIds.CF0503, 0, shots) : null;

    /// <summary>CF0504: brief lines or intention answers left out (their names, in <see cref="BriefLines"/>' order).</summary>
    public static RuleFinding? Brief(IReadOnlyList<string> missingLines, IReadOnlyList<string> missingAnswers)
    {
        var missing = new List<string>();
        if (missingLines.Count > 0)
        {
            missing.Add(MessageParts.MissingBrief(missingLines));
        }

        if (missingAnswers.Count > 0)
        {
            missing.Add(MessageParts.MissingIntention(missingAnswers));
        }

        return missing.Count > 0 ? new RuleFinding(RuleIds.CF0504, 0, MessageParts.JoinMissing(missing)) : null;
    }

    /// <summary>The names of the lines whose flag is false: <paramref name="names"/> and <paramref name="present"/> in the same order.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> names, IReadOnlyList<bool> present) => names.Where((_, i) => !present[i]).ToList();

    /// <summary>CF0505: the one-page pitch (logline, arc, charters, missions, subjects) takes more than 30 s to say.</summary>
    public static RuleFinding? Pitch(IEnumerable<string?> parts)
    {
        var words = parts.Where(p => p is not null).Sum(p => p!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        return words > Recommended.PitchMaxWords ? new RuleFinding(RuleIds.CF0505, 0, Math.Round(words / Recommended.PitchWordsPerMinute * 60)) : null;
    }

    /// <summary>CF0506: an ad without a call-to-action shot.</summary>
    public static RuleFinding? CallToAction(FilmKind kind, IEnumerable<Beat?> beats) =>
        kind == FilmKind.Ad && !beats.Any(b => b == Beat.CallToAction) ? new RuleFinding(RuleIds.CF0506, 0) : null;

    /// <summary>CF0507: three or more shots, all of one duration.</summary>
    public static RuleFinding? Rhythm(IReadOnlyList<double> durations) =>
        durations.Count >= Recommended.MinShots && durations.Distinct().Count() == 1 ? new RuleFinding(RuleIds.CF0507, 0, NumericRange.Format(durations[0])) : null;
}
