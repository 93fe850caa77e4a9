using System.Collections.Generic;
using System.Globalization;

namespace CineForge.Rules;

/// <summary>
/// The words that fill in rule messages' arguments ({1}, {2}, ...), so run-time validation and the
/// analyzers write the same message for the same plan.
/// </summary>
public static class MessageParts
{
    /// <summary>CF0101: a shot without a seed.</summary>
    public const string NoSeed = "no";

    /// <summary>CF0101: a seed drawn from a random source.</summary>
    public const string RandomSeed = "a random";

    /// <summary>CF0205: "temporal consistency medium".</summary>
    public static string TemporalConsistency(Level level) => "temporal consistency " + Lower(level);

    /// <summary>CF0205: "noise high".</summary>
    public static string Noise(Level level) => "noise " + Lower(level);

    /// <summary>CF0205: joins what a shot asks for.</summary>
    public static string JoinAsked(IEnumerable<string> asked) => string.Join(" and ", asked);

    /// <summary>CF0301: the sheet is not in the film's cast.</summary>
    public const string NotInCast = "a place in the film's cast";

    /// <summary>CF0301, CF0303, CF0402: joins a list of names.</summary>
    public static string JoinList(IEnumerable<string> parts) => string.Join(", ", parts);

    /// <summary>CF0301: a character sheet without face descriptors.</summary>
    public const string SheetFace = "face";

    /// <summary>CF0302: overridden face descriptors.</summary>
    public const string FaceDescriptors = "face descriptors";

    /// <summary>CF0302: overridden wardrobe.</summary>
    public const string Wardrobe = "wardrobe";

    /// <summary>CF0302: overridden seed.</summary>
    public const string Seed = "seed";

    /// <summary>CF0305: a shot that names the product in its own text instead of showing its sheet.</summary>
    public static string InOwnWords(string text) => "in its own words ('" + text + "')";

    /// <summary>CF0305: a shot whose product differs from the sheet in a locked part.</summary>
    public static string OverriddenPart(string part) => "with its own " + part + ", not the sheet's";

    /// <summary>CF0304: a shot with no light at all.</summary>
    public const string NoDominantLight = "no dominant light source";

    /// <summary>CF0304: a shot lit against the charter.</summary>
    public static string LightAgainstCharter(LightDirection shot, LightDirection charter) =>
        "its light from " + Describe(shot) + ", against the charter's light from " + Describe(charter);

    /// <summary>"camera left".</summary>
    public static string Describe(LightDirection direction) => direction switch
    {
        LightDirection.Left => "camera left",
        LightDirection.Right => "camera right",
        LightDirection.Front => "the front",
        LightDirection.Back => "behind",
        _ => "above",
    };

    /// <summary>CF0504: the missing brief lines.</summary>
    public static string MissingBrief(IEnumerable<string> lines) => "brief (" + JoinList(lines) + ")";

    /// <summary>CF0504: the missing intention answers.</summary>
    public static string MissingIntention(IEnumerable<string> answers) => "intention (" + JoinList(answers) + ")";

    /// <summary>CF0504: joins the missing parts.</summary>
    public static string JoinMissing(IEnumerable<string> parts) => string.Join(" and ", parts);

    /// <summary>CF0604: several LUTs or looks.</summary>
    public static string StackedLooks(int count) => count.ToString(CultureInfo.InvariantCulture) + " stacked LUTs or looks";

    /// <summary>CF0604: a look stronger than allowed.</summary>
    public static string HeavyLook(GradeStepKind kind, double strength) =>
        "a " + GradeOrder.DisplayName(kind) + " at strength " + NumericRange.Format(strength) + " (at most " + NumericRange.Format(Recommended.MaxLookStrength) + ")";

    /// <summary>CF0604: a primary step applied more than once.</summary>
    public static string Repeated(GradeStepKind kind, int times) => GradeOrder.DisplayName(kind) + " applied " + times.ToString(CultureInfo.InvariantCulture) + " times";

    /// <summary>CF0604: grain heavier than light grain.</summary>
    public static string HeavyGrain(double amount) =>
        "grain at " + NumericRange.Format(amount) + ", heavier than light grain (at most " + NumericRange.Format(Recommended.MaxLightGrain) + ")";

    /// <summary>CF0605: "web".</summary>
    public static string Export(ExportKind kind) => Lower(kind);

    /// <summary>CF0605: what a distribution export lacks.</summary>
    public const string Grain = "grain";

    /// <summary>CF0605: what a distribution export lacks.</summary>
    public const string HighlightHeadroom = "highlight headroom";

    /// <summary>CF0605: joins what an export lacks.</summary>
    public static string JoinLacking(IEnumerable<string> parts) => string.Join(" or ", parts);

    /// <summary>CF0502: a beat as messages write it.</summary>
    public static string Beat(Beat beat) => Lower(beat);

    private static string Lower<T>(T value) where T : struct => value.ToString()!.ToLowerInvariant();
}
