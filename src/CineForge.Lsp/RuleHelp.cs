using System.Text;
using System.Text.RegularExpressions;
using CineForge.Rules;

namespace CineForge.Lsp;

/// <summary>
/// What hover shows: a rule of the catalog (title, severity, the method's reason, the fix, the
/// docs page), and for a method of the DSL the rules that check it with the range the method gives.
/// Every text and number comes from the catalog (<see cref="RuleCatalog"/>, <see cref="Recommended"/>,
/// <see cref="ShotTypes"/>, <see cref="Loudness"/>, <see cref="GradeOrder"/>).
/// </summary>
internal static partial class RuleHelp
{
    private static readonly Dictionary<string, (string[] Rules, Func<string?>? Range)> Methods = new(StringComparer.Ordinal)
    {
        ["Seed"] = (new[] { RuleIds.CF0101 }, () => "a literal number per shot (and per variant that changes it)"),
        ["Keyframe"] = (new[] { RuleIds.CF0102, RuleIds.CF0103, RuleIds.CF0104, RuleIds.CF0105 }, KeyframeRange),
        ["Resolution"] = (new[] { RuleIds.CF0102 }, () => string.Join(" or ", Recommended.KeyframeResolutions)),
        ["Steps"] = (new[] { RuleIds.CF0103 }, () => Recommended.Steps + " (default " + Recommended.DefaultSteps + ")"),
        ["Cfg"] = (new[] { RuleIds.CF0104 }, () => Recommended.Cfg + " (default " + NumericRange.Format(Recommended.DefaultCfg) + ")"),
        ["Sampler"] = (new[] { RuleIds.CF0105 }, () => Recommended.DefaultSamplerName),
        ["Correct"] = (new[] { RuleIds.CF0106, RuleIds.CF0403 }, () => "denoise " + Recommended.Denoise + " (default " + NumericRange.Format(Recommended.DefaultDenoise) + "), at most " + Recommended.MaxCorrectionPasses + " passes"),
        ["Denoise"] = (new[] { RuleIds.CF0106 }, () => Recommended.Denoise.ToString()),
        ["Duration"] = (new[] { RuleIds.CF0201, RuleIds.CF0202 }, DurationRange),
        ["Fps"] = (new[] { RuleIds.CF0203 }, () => Recommended.Fps + " fps"),
        ["Motion"] = (new[] { RuleIds.CF0204 }, MotionRange),
        ["TemporalConsistency"] = (new[] { RuleIds.CF0205 }, () => "Level.High"),
        ["Noise"] = (new[] { RuleIds.CF0205 }, () => "Level.Low"),
        ["Camera"] = (new[] { RuleIds.CF0206 }, CameraRange),
        ["Sheet"] = (new[] { RuleIds.CF0301 }, () => "face, wardrobe and seed, and a place in the cast"),
        ["Cast"] = (new[] { RuleIds.CF0301 }, null),
        ["Wearing"] = (new[] { RuleIds.CF0302 }, null),
        ["Face"] = (new[] { RuleIds.CF0301, RuleIds.CF0302 }, null),
        ["Wardrobe"] = (new[] { RuleIds.CF0301 }, null),
        ["Products"] = (new[] { RuleIds.CF0306, RuleIds.CF0305 }, () => "one sheet per product the film shows, shown (not described) in every shot that shows it"),
        ["Showing"] = (new[] { RuleIds.CF0305 }, null),
        ["Gaze"] = (new[] { RuleIds.CF0303 }, () => "change at most " + Continuity.MaxChangesPerCut + " of " + string.Join(", ", Continuity.Dimensions) + " at a cut"),
        ["Light"] = (new[] { RuleIds.CF0304, RuleIds.CF0303 }, null),
        ["Variant"] = (new[] { RuleIds.CF0401, RuleIds.CF0402 }, () => "A plus one B at most (" + Recommended.MaxVersionsPerShot + " versions), " + Recommended.MaxVariablesPerVariant + " variable changed"),
        ["Mission"] = (new[] { RuleIds.CF0501, RuleIds.CF0502 }, () => "setup → tension → decision → consequence"),
        ["Shot"] = (new[] { RuleIds.CF0503 }, () => "at least " + Recommended.MinShots + " shots"),
        ["Brief"] = (new[] { RuleIds.CF0504 }, null),
        ["Intention"] = (new[] { RuleIds.CF0504 }, null),
        ["Logline"] = (new[] { RuleIds.CF0505 }, () => "at most " + Recommended.PitchMaxWords + " words (" + NumericRange.Format(Recommended.PitchSeconds) + " s)"),
        ["Format"] = (new[] { RuleIds.CF0506 }, null),
        ["Exposure"] = (new[] { RuleIds.CF0601, RuleIds.CF0602 }, GradeRange),
        ["SoftContrast"] = (new[] { RuleIds.CF0602 }, GradeRange),
        ["SecondarySkin"] = (new[] { RuleIds.CF0602 }, GradeRange),
        ["Harmonize"] = (new[] { RuleIds.CF0606, RuleIds.CF0602 }, GradeRange),
        ["Grain"] = (new[] { RuleIds.CF0602, RuleIds.CF0604 }, () => "at most " + NumericRange.Format(Recommended.MaxLightGrain) + " (default " + NumericRange.Format(Recommended.DefaultGrain) + "); " + GradeRange()),
        ["Look"] = (new[] { RuleIds.CF0601, RuleIds.CF0604, RuleIds.CF0606 }, () => "strength at most " + NumericRange.Format(Recommended.MaxLookStrength) + " (default " + NumericRange.Format(Recommended.DefaultLookStrength) + "), after exposure and harmonization"),
        ["Lut"] = (new[] { RuleIds.CF0601, RuleIds.CF0604, RuleIds.CF0606 }, () => "strength at most " + NumericRange.Format(Recommended.MaxLookStrength) + ", after exposure and harmonization"),
        ["Sharpen"] = (new[] { RuleIds.CF0603 }, () => "none"),
        ["Web"] = (new[] { RuleIds.CF0605, RuleIds.CF0801 }, null),
        ["Mobile"] = (new[] { RuleIds.CF0801 }, null),
        ["Master"] = (new[] { RuleIds.CF0802 }, null),
        ["Ambience"] = (new[] { RuleIds.CF0701, RuleIds.CF0703 }, () => NumericRange.Format(Loudness.Ambience) + " LUFS (±" + NumericRange.Format(Loudness.Tolerance) + ")"),
        ["RoomTone"] = (new[] { RuleIds.CF0703 }, null),
        ["Effect"] = (new[] { RuleIds.CF0702 }, () => Loudness.Effects + " LUFS"),
        ["Music"] = (new[] { RuleIds.CF0704 }, () => "below the ambience bed (default " + NumericRange.Format(Loudness.MusicBelowBed) + " LU under it)"),
    };

    /// <summary>True when hovering <paramref name="method"/> has something to say.</summary>
    public static bool Knows(string method) => Methods.ContainsKey(method) || Preset(method) is not null;

    /// <summary>Markdown for a rule id, or null when the catalog has no such rule.</summary>
    public static string? ForRule(string id) => RuleCatalog.Contains(id) ? RuleBlock(RuleCatalog.Get(id)) : null;

    /// <summary>Markdown for a DSL method or preset, or null for a name the table does not know.</summary>
    public static string? ForMethod(string method)
    {
        if (Preset(method) is { } spec)
        {
            var text = new StringBuilder()
                .Append("**").Append(method).Append("**: the ").Append(spec.DisplayName).AppendLine(" preset of the shot-type table")
                .AppendLine()
                .Append("- duration ").Append(spec.Duration).Append(" s (preset ").Append(NumericRange.Format(spec.DefaultDuration)).AppendLine(" s)")
                .Append("- motion ").Append(spec.Motion).Append(" (preset ").Append(NumericRange.Format(spec.DefaultMotion)).AppendLine(")")
                .Append("- camera: ").Append(spec.CameraAdvice).Append(" (preset ").Append(spec.DefaultCamera).Append("; allowed ").Append(string.Join(", ", spec.AllowedCameras)).AppendLine(")")
                .Append("- key risk: ").AppendLine(spec.KeyRisk);
            foreach (var id in new[] { RuleIds.CF0202, RuleIds.CF0204, RuleIds.CF0206 })
            {
                text.AppendLine().AppendLine("---").AppendLine().Append(RuleBlock(RuleCatalog.Get(id)));
            }

            return text.ToString();
        }

        if (!Methods.TryGetValue(method, out var entry))
        {
            return null;
        }

        var help = new StringBuilder().Append("**").Append(method).Append("**: checked by ").AppendLine(string.Join(", ", entry.Rules));
        if (entry.Range?.Invoke() is { } range)
        {
            help.AppendLine().Append("The method's range: ").AppendLine(range);
        }

        foreach (var id in entry.Rules)
        {
            help.AppendLine().AppendLine("---").AppendLine().Append(RuleBlock(RuleCatalog.Get(id)));
        }

        return help.ToString();
    }

    /// <summary>The CF id under <paramref name="column"/> of <paramref name="line"/> (a comment, a pragma, a string), if any.</summary>
    public static string? RuleIdAt(string line, int column)
    {
        foreach (Match match in RuleIdPattern().Matches(line))
        {
            if (column >= match.Index && column <= match.Index + match.Length && RuleCatalog.Contains(match.Value))
            {
                return match.Value;
            }
        }

        return null;
    }

    private static ShotTypeSpec? Preset(string method) => ShotTypes.All.FirstOrDefault(s => string.Equals(s.Type.ToString(), method, StringComparison.Ordinal));

    private static string RuleBlock(Rule rule) => new StringBuilder()
        .Append("**").Append(rule.Id).Append("** (").Append(rule.Severity.ToString().ToLowerInvariant()).Append("): ").AppendLine(rule.Title)
        .AppendLine()
        .AppendLine(rule.Why)
        .AppendLine()
        .Append("Fix: ").AppendLine(rule.Fix)
        .AppendLine()
        .Append('[').Append(rule.DocPath).Append("](").Append(rule.HelpLink).AppendLine(")")
        .ToString();

    private static string DurationRange() =>
        "at most " + NumericRange.Format(Recommended.MaxClipSeconds) + " s a clip (CF0201); by shot type (CF0202): " +
        string.Join(", ", ShotTypes.All.Select(s => s.DisplayName + " " + s.Duration + " s"));

    private static string MotionRange() =>
        string.Join(", ", ShotTypes.All.Select(s => s.DisplayName + " " + s.Motion)) + "; " + Recommended.MotionStrength + " when the shot type gives none";

    private static string CameraRange() => string.Join("; ", ShotTypes.All.Select(s => s.DisplayName + ": " + s.CameraAdvice));

    private static string KeyframeRange() =>
        "resolution " + string.Join(" or ", Recommended.KeyframeResolutions) + ", steps " + Recommended.Steps + ", CFG " + Recommended.Cfg + ", sampler " + Recommended.DefaultSamplerName;

    private static string GradeRange() => "grade order " + GradeOrder.Describe() + ", then the look";

    [GeneratedRegex(@"CF\d{4}")]
    private static partial Regex RuleIdPattern();
}
