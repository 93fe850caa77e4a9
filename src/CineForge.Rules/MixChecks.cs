using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>The sound (CF0701–CF0704) and export (CF0801–CF0802) rules, each written once (see <see cref="ShotChecks"/>).</summary>
public static class MixChecks
{
    /// <summary>CF0703 without an ambience or room tone (<paramref name="ambienceLufs"/> null, <paramref name="hasAmbience"/> false); CF0701 when its level is off -24 LUFS.</summary>
    public static RuleFinding? Bed(bool hasAmbience, double? ambienceLufs)
    {
        if (!hasAmbience)
        {
            return new RuleFinding(RuleIds.CF0703, 0);
        }

        return ambienceLufs is { } lufs && !Loudness.AmbienceRange.Contains(lufs) ? new RuleFinding(RuleIds.CF0701, 0, NumericRange.Format(lufs)) : null;
    }

    /// <summary>The bed music is measured against: the ambience's level, or the method's target when there is none.</summary>
    public static double BedLevel(bool hasAmbience, double ambienceLufs) => hasAmbience ? ambienceLufs : Loudness.Ambience;

    /// <summary>CF0702: an effect off -18..-14 LUFS.</summary>
    public static RuleFinding? Effect(string path, double lufs) =>
        !Loudness.Effects.Contains(lufs) ? new RuleFinding(RuleIds.CF0702, 0, path, NumericRange.Format(lufs)) : null;

    /// <summary>CF0704: music as loud as the bed or louder.</summary>
    public static RuleFinding? Music(double lufs, double bed) =>
        lufs >= bed ? new RuleFinding(RuleIds.CF0704, 0, NumericRange.Format(lufs), NumericRange.Format(bed)) : null;

    /// <summary>CF0801 without a mobile export, CF0802 without a master, in that order.</summary>
    public static IReadOnlyList<RuleFinding> Exports(ICollection<ExportKind> kinds)
    {
        var found = new List<RuleFinding>();
        if (!kinds.Contains(ExportKind.Mobile))
        {
            found.Add(new RuleFinding(RuleIds.CF0801, 0));
        }

        if (!kinds.Contains(ExportKind.Master))
        {
            found.Add(new RuleFinding(RuleIds.CF0802, 0));
        }

        return found;
    }

    /// <summary>CF0401: more than two versions (the shot and its variants).</summary>
    public static RuleFinding? Versions(int versions) => versions > Recommended.MaxVersionsPerShot ? new RuleFinding(RuleIds.CF0401, 0, versions) : null;

    /// <summary>CF0402: a variant that changes more than one setting.</summary>
    public static RuleFinding? Variant(string label, IReadOnlyList<string> changed) =>
        changed.Count > Recommended.MaxVariablesPerVariant ? new RuleFinding(RuleIds.CF0402, 0, label, changed.Count, MessageParts.JoinList(changed)) : null;

    /// <summary>CF0403: more than two correction passes.</summary>
    public static RuleFinding? Corrections(int passes) => passes > Recommended.MaxCorrectionPasses ? new RuleFinding(RuleIds.CF0403, 0, passes) : null;
}
