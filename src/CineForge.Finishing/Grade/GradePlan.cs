using CineForge.Rules;
using CineForge.Validation;

namespace CineForge.Finishing.Grade;

/// <summary>
/// The grade chain checked against the method's order and resolved for rendering: the pure colour
/// steps (exposure, soft contrast, secondary skin, harmonization, then the LUT) bake into one Hald CLUT
/// per shot; sharpen and grain are spatial and run after it, grain last.
/// </summary>
public sealed record GradePlan
{
    /// <summary>Exposure in stops, or null when the chain has none.</summary>
    public double? ExposureStops { get; init; }

    /// <summary>Soft contrast amount 0..1, or null.</summary>
    public double? SoftContrast { get; init; }

    /// <summary>Secondary skin amount 0..1, or null.</summary>
    public double? SecondarySkin { get; init; }

    /// <summary>Harmonization amount 0..1, or null.</summary>
    public double? Harmonize { get; init; }

    /// <summary>The LUT (or the look resolved to one) and its strength 0..1, or null.</summary>
    public (CubeLut Lut, double Strength)? Look { get; init; }

    /// <summary>Sharpen amount 0..1 (flagged by CF0603), or null.</summary>
    public double? Sharpen { get; init; }

    /// <summary>Grain amount 0..1, or null.</summary>
    public double? Grain { get; init; }

    /// <summary>Warnings the chain carries (CF0603 sharpen, CF0604 heavy look, CF0606 look without harmonization), for the settings log.</summary>
    public IReadOnlyList<PlanDiagnostic> Warnings { get; init; } = Array.Empty<PlanDiagnostic>();

    /// <summary>The steps as they will run, for the settings log.</summary>
    public IReadOnlyList<string> Describe()
    {
        var steps = new List<string>();
        void Add(GradeStepKind kind, double? amount, string? extra = null)
        {
            if (amount is { } a)
            {
                steps.Add(GradeOrder.DisplayName(kind) + (extra is null ? string.Empty : " " + extra) + " " + NumericRange.Format(a));
            }
        }

        Add(GradeStepKind.Exposure, ExposureStops);
        Add(GradeStepKind.SoftContrast, SoftContrast);
        Add(GradeStepKind.SecondarySkin, SecondarySkin);
        Add(GradeStepKind.Harmonize, Harmonize);
        Add(GradeStepKind.Lut, Look?.Strength, Look is { } l ? System.IO.Path.GetFileName(l.Lut.Path) : null);
        Add(GradeStepKind.Sharpen, Sharpen);
        Add(GradeStepKind.Grain, Grain);
        return steps;
    }

    /// <summary>
    /// Checks <paramref name="film"/>'s chain and resolves its LUT. A chain out of the method's order
    /// is refused, never reordered behind the user's back: a LUT or look before exposure (CF0601), primary
    /// steps out of order (CF0602), or a LUT or look written before harmonization.
    /// </summary>
    /// <exception cref="FinishingException">The chain is out of order, or its LUT is missing or invalid.</exception>
    public static GradePlan From(Film film, Func<string, string> resolve)
    {
        var diagnostics = film.Validate().Where(d => d.RuleId.StartsWith("CF06", StringComparison.Ordinal)).ToList();
        var order = diagnostics.Where(d => d.RuleId is RuleIds.CF0601 or RuleIds.CF0602).ToList();
        var steps = film.Grade.Steps;
        var harmonize = film.Grade.IndexOf(GradeStepKind.Harmonize);
        if (harmonize >= 0 && steps.Select((s, i) => (s, i)).Any(x => GradeOrder.IsLook(x.s.Kind) && x.i < harmonize))
        {
            order.AddRange(diagnostics.Where(d => d.RuleId == RuleIds.CF0606));
        }

        var grainIndex = film.Grade.IndexOf(GradeStepKind.Grain);
        var afterGrain = grainIndex < 0 ? null : steps.Skip(grainIndex + 1).FirstOrDefault(s => s.Kind != GradeStepKind.Grain);
        if (order.Count > 0 || afterGrain is not null)
        {
            var reasons = order.Select(d => d.RuleId + ": " + d.Message).ToList();
            if (afterGrain is not null && order.Count == 0)
            {
                reasons.Add($"{RuleIds.CF0602}: the film applies {GradeOrder.DisplayName(afterGrain.Kind)} after {GradeOrder.DisplayName(GradeStepKind.Grain)}, which comes last.");
            }

            throw new FinishingException(
                "Grade refused, nothing applied: the chain is not in the method's order (" + GradeOrder.Describe() + ", LUT or look after exposure and harmonization). " + string.Join(" ", reasons),
                order.FirstOrDefault()?.RuleId ?? RuleIds.CF0602);
        }

        var looks = steps.Where(s => GradeOrder.IsLook(s.Kind)).ToList();
        var repeated = steps.Where(s => !GradeOrder.IsLook(s.Kind)).GroupBy(s => s.Kind).FirstOrDefault(g => g.Count() > 1);
        if (looks.Count > 1 || repeated is not null)
        {
            var rule = RuleCatalog.Get(RuleIds.CF0604);
            var what = looks.Count > 1 ? $"{looks.Count} stacked LUTs or looks" : $"{GradeOrder.DisplayName(repeated!.Key)} applied {repeated.Count()} times";
            throw new FinishingException($"Grade refused, nothing applied: {what} ({rule.Id}: {rule.Title}); keep each step once.", rule.Id);
        }

        double? Amount(GradeStepKind kind) => steps.LastOrDefault(s => s.Kind == kind)?.Amount;
        (CubeLut, double)? look = null;
        if (looks.Count == 1)
        {
            var step = looks[0];
            var file = step.Kind == GradeStepKind.Lut ? step.Source! : System.IO.Path.Combine("looks", step.Source + ".cube");
            var path = resolve(file);
            if (step.Kind == GradeStepKind.Look && !File.Exists(path))
            {
                throw new FinishingException($"Grade: look '{step.Source}' is not a .cube file at {path}; a named look is read from looks/<name>.cube next to the film.", path: path);
            }

            look = (CubeLut.Load(path), step.Amount);
        }

        return new GradePlan
        {
            ExposureStops = Amount(GradeStepKind.Exposure),
            SoftContrast = Amount(GradeStepKind.SoftContrast),
            SecondarySkin = Amount(GradeStepKind.SecondarySkin),
            Harmonize = Amount(GradeStepKind.Harmonize),
            Look = look,
            Sharpen = Amount(GradeStepKind.Sharpen),
            Grain = Amount(GradeStepKind.Grain),
            Warnings = diagnostics.Where(d => d.RuleId is RuleIds.CF0603 or RuleIds.CF0604 or RuleIds.CF0605 or RuleIds.CF0606).ToList(),
        };
    }
}
