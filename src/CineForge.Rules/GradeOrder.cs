using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>The method's grade order: exposure → soft contrast → secondary skin → harmonization → fine grain.</summary>
public static class GradeOrder
{
    /// <summary>The primary steps, in the only order the method allows.</summary>
    public static readonly IReadOnlyList<GradeStepKind> Primary = new[]
    {
        GradeStepKind.Exposure,
        GradeStepKind.SoftContrast,
        GradeStepKind.SecondarySkin,
        GradeStepKind.Harmonize,
        GradeStepKind.Grain,
    };

    /// <summary>Creative steps that must come after exposure (CF0601) and after harmonization (CF0606).</summary>
    public static readonly IReadOnlyList<GradeStepKind> Looks = new[] { GradeStepKind.Lut, GradeStepKind.Look };

    /// <summary>"exposure → soft contrast → secondary skin → harmonization → fine grain".</summary>
    public static string Describe() => string.Join(" → ", Primary.Select(DisplayName));

    /// <summary>Position of a primary step in the order, or -1 for a creative step.</summary>
    public static int RankOf(GradeStepKind kind)
    {
        for (var i = 0; i < Primary.Count; i++)
        {
            if (Primary[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True for a LUT or a look.</summary>
    public static bool IsLook(GradeStepKind kind) => kind == GradeStepKind.Lut || kind == GradeStepKind.Look;

    /// <summary>Lower-case name as messages write it.</summary>
    public static string DisplayName(GradeStepKind kind) => kind switch
    {
        GradeStepKind.Exposure => "exposure",
        GradeStepKind.SoftContrast => "soft contrast",
        GradeStepKind.SecondarySkin => "secondary skin",
        GradeStepKind.Harmonize => "harmonization",
        GradeStepKind.Grain => "fine grain",
        GradeStepKind.Lut => "LUT",
        GradeStepKind.Look => "look",
        GradeStepKind.Sharpen => "sharpen",
        _ => kind.ToString(),
    };

    /// <summary>
    /// CF0601, CF0606, CF0602, CF0603 and CF0604 on a grade chain, in that order. Each step is its
    /// kind and its amount (null where it is not known: a value that is not a constant). A finding's
    /// <see cref="RuleFinding.At"/> is the index of the step to blame.
    /// </summary>
    public static IReadOnlyList<RuleFinding> Violations(IReadOnlyList<GradeStepKind> kinds, IReadOnlyList<double?> amounts)
    {
        var found = new List<RuleFinding>();
        var exposure = IndexOf(kinds, GradeStepKind.Exposure);
        var harmonize = IndexOf(kinds, GradeStepKind.Harmonize);
        for (var index = 0; index < kinds.Count; index++)
        {
            var kind = kinds[index];
            if (!IsLook(kind))
            {
                continue;
            }

            if (exposure < 0 || index < exposure)
            {
                found.Add(new RuleFinding(RuleIds.CF0601, index, DisplayName(kind)));
            }

            if (harmonize < 0 || index < harmonize)
            {
                found.Add(new RuleFinding(RuleIds.CF0606, index, DisplayName(kind)));
            }
        }

        if (OutOfOrder(kinds) is { } pair)
        {
            found.Add(new RuleFinding(RuleIds.CF0602, pair.Late, DisplayName(kinds[pair.Early]), DisplayName(kinds[pair.Late])));
        }

        var sharpen = IndexOf(kinds, GradeStepKind.Sharpen);
        if (sharpen >= 0)
        {
            found.Add(new RuleFinding(RuleIds.CF0603, sharpen));
        }

        foreach (var (excess, at) in Excesses(kinds, amounts))
        {
            found.Add(new RuleFinding(RuleIds.CF0604, at, excess));
        }

        return found;
    }

    /// <summary>
    /// CF0605: each export target other than the master, with its highlight headroom (null where not
    /// known: no finding), against a grade with or without fine grain. <see cref="RuleFinding.At"/> is the target's index.
    /// </summary>
    public static IReadOnlyList<RuleFinding> ExportViolations(bool hasGrain, IReadOnlyList<ExportKind> targets, IReadOnlyList<bool?> headroom)
    {
        var found = new List<RuleFinding>();
        for (var index = 0; index < targets.Count; index++)
        {
            if (targets[index] == ExportKind.Master || headroom[index] is not { } hasHeadroom)
            {
                continue;
            }

            var lacking = new List<string>();
            if (!hasGrain)
            {
                lacking.Add(MessageParts.Grain);
            }

            if (!hasHeadroom)
            {
                lacking.Add(MessageParts.HighlightHeadroom);
            }

            if (lacking.Count > 0)
            {
                found.Add(new RuleFinding(RuleIds.CF0605, index, MessageParts.Export(targets[index]), MessageParts.JoinLacking(lacking)));
            }
        }

        return found;
    }

    /// <summary>CF0602: the indexes of the first primary step written after one it must precede, after the step it must precede.</summary>
    public static (int Early, int Late)? OutOfOrder(IReadOnlyList<GradeStepKind> kinds)
    {
        var seen = new List<int>();
        for (var index = 0; index < kinds.Count; index++)
        {
            var rank = RankOf(kinds[index]);
            if (rank < 0)
            {
                continue;
            }

            foreach (var earlier in seen)
            {
                if (RankOf(kinds[earlier]) > rank)
                {
                    return (earlier, index);
                }
            }

            seen.Add(index);
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<GradeStepKind> kinds, GradeStepKind kind)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<(string Excess, int At)> Excesses(IReadOnlyList<GradeStepKind> kinds, IReadOnlyList<double?> amounts)
    {
        var looks = Enumerable.Range(0, kinds.Count).Where(i => IsLook(kinds[i])).ToList();
        if (looks.Count > 1)
        {
            yield return (MessageParts.StackedLooks(looks.Count), looks[1]);
        }

        foreach (var look in looks.Where(i => amounts[i] > Recommended.MaxLookStrength + 1e-9))
        {
            yield return (MessageParts.HeavyLook(kinds[look], amounts[look]!.Value), look);
        }

        foreach (var repeated in Enumerable.Range(0, kinds.Count).Where(i => RankOf(kinds[i]) >= 0).GroupBy(i => kinds[i]).Where(g => g.Count() > 1))
        {
            yield return (MessageParts.Repeated(repeated.Key, repeated.Count()), repeated.ElementAt(1));
        }

        foreach (var grain in Enumerable.Range(0, kinds.Count).Where(i => kinds[i] == GradeStepKind.Grain && amounts[i] > Recommended.MaxLightGrain + 1e-9))
        {
            yield return (MessageParts.HeavyGrain(amounts[grain]!.Value), grain);
        }
    }
}
