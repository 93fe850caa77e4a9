using CineForge.Rules;

namespace CineForge;

/// <summary>One grade operation.</summary>
/// <param name="Kind">The operation.</param>
/// <param name="Amount">Its amount, in the operation's unit: stops for exposure, 0..1 otherwise.</param>
/// <param name="Source">The .cube file of a LUT, or the name of a look.</param>
public sealed record GradeStep(GradeStepKind Kind, double Amount, string? Source = null)
{
    /// <summary>"exposure +0.2", "LUT teal.cube 0.35".</summary>
    public override string ToString() => GradeOrder.DisplayName(Kind) + (Source is null ? string.Empty : " " + Source) + " " + NumericRange.Format(Amount);
}

/// <summary>
/// The grade, as the ordered list of steps the user wrote. It is kept as written (never silently
/// reordered) so CF0601/CF0602 can flag a wrong order; the runtime refuses to apply one.
/// </summary>
public sealed record GradeChain
{
    /// <summary>No grade.</summary>
    public static GradeChain Empty { get; } = new();

    /// <summary>The steps, in the order written.</summary>
    public ValueList<GradeStep> Steps { get; init; } = ValueList<GradeStep>.Empty;

    /// <summary>True when the chain has a step of <paramref name="kind"/>.</summary>
    public bool Has(GradeStepKind kind) => Steps.Any(s => s.Kind == kind);

    /// <summary>Index of the first step of <paramref name="kind"/>, or -1.</summary>
    public int IndexOf(GradeStepKind kind)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    internal GradeChain With(GradeStepKind kind, double amount, string? source = null) => this with { Steps = Steps.Add(new GradeStep(kind, amount, source)) };
}

/// <summary>Grade verbs, written in the method's order: exposure → soft contrast → secondary skin → harmonization → fine grain.</summary>
public static class GradeChainExtensions
{
    /// <summary>Primary exposure correction in stops (-4..+4).</summary>
    public static GradeChain Exposure(this GradeChain grade, double stops = Recommended.DefaultExposureStops) => grade.With(GradeStepKind.Exposure, Guard.Within(stops, Recommended.ExposureDomain, nameof(stops), RuleIds.CF0601, "exposure"));

    /// <summary>A gentle S-curve, 0..1.</summary>
    public static GradeChain SoftContrast(this GradeChain grade, double amount = Recommended.DefaultSoftContrast) => grade.With(GradeStepKind.SoftContrast, Unit(amount, nameof(amount), RuleIds.CF0602));

    /// <summary>A hue/saturation correction limited to skin tones; <paramref name="amount"/> 0..1 sets its strength.</summary>
    public static GradeChain SecondarySkin(this GradeChain grade, double amount = 0.5) => grade.With(GradeStepKind.SecondarySkin, Unit(amount, nameof(amount), RuleIds.CF0602));

    /// <summary>Matches shots to the reference shot by measured colour statistics and neutralizes casts; <paramref name="amount"/> 0..1.</summary>
    public static GradeChain Harmonize(this GradeChain grade, double amount = 1) => grade.With(GradeStepKind.Harmonize, Unit(amount, nameof(amount), RuleIds.CF0606));

    /// <summary>Fine, homogeneous grain; <paramref name="amount"/> 0..1 (light is under 0.12).</summary>
    public static GradeChain Grain(this GradeChain grade, double amount = Recommended.DefaultGrain) => grade.With(GradeStepKind.Grain, Unit(amount, nameof(amount), RuleIds.CF0605));

    /// <summary>A 3D LUT from a .cube file (relative to the film's folder), mixed at <paramref name="strength"/> 0..1.</summary>
    /// <remarks>The plan only names the file: <c>cineforge check</c> and the render open and parse it (CF0607).</remarks>
    /// <exception cref="ArgumentException">The path does not name a .cube file.</exception>
    public static GradeChain Lut(this GradeChain grade, string path, double strength = Recommended.DefaultLookStrength)
    {
        var file = Guard.Text(path, nameof(path));
        if (!file.EndsWith(".cube", StringComparison.OrdinalIgnoreCase))
        {
            var rule = RuleCatalog.Get(RuleIds.CF0607);
            throw new ArgumentException($"{rule.Id} ({rule.Title}): path must name a .cube LUT file; got '{file}'.", nameof(path));
        }

        return grade.With(GradeStepKind.Lut, Unit(strength, nameof(strength), RuleIds.CF0604), file);
    }

    /// <summary>A named creative look mixed at <paramref name="strength"/> 0..1.</summary>
    public static GradeChain Look(this GradeChain grade, string name, double strength = Recommended.DefaultLookStrength) => grade.With(GradeStepKind.Look, Unit(strength, nameof(strength), RuleIds.CF0604), Guard.Text(name, nameof(name)));

    /// <summary>Sharpening, 0..1. Available so it can be flagged: the method removes it (CF0603).</summary>
    public static GradeChain Sharpen(this GradeChain grade, double amount) => grade.With(GradeStepKind.Sharpen, Unit(amount, nameof(amount), RuleIds.CF0603));

    private static double Unit(double value, string parameter, string ruleId) => Guard.Within(value, Recommended.UnitInterval, parameter, ruleId, parameter);
}
