using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>One rule violation found in a plan.</summary>
/// <param name="RuleId">"CF0201".</param>
/// <param name="Severity">The rule's default severity.</param>
/// <param name="Message">The catalog's message with its arguments filled in.</param>
/// <param name="ShotIndex">Zero-based index of the shot it concerns, or null for the whole film.</param>
/// <param name="ShotName">Name of that shot.</param>
public sealed record PlanDiagnostic(string RuleId, RuleSeverity Severity, string Message, int? ShotIndex = null, string? ShotName = null)
{
    /// <summary>The catalog entry.</summary>
    public Rule Rule => RuleCatalog.Get(RuleId);

    /// <summary>The asset file the diagnostic concerns, as the plan names it (relative to the film's folder), for an asset rule (<see cref="RuleScope.Assets"/>).</summary>
    public string? AssetPath { get; init; }

    /// <summary>Creates the diagnostic of <paramref name="ruleId"/> with its message arguments.</summary>
    public static PlanDiagnostic Create(string ruleId, int? shotIndex, string? shotName, params object?[] args)
    {
        var rule = RuleCatalog.Get(ruleId);
        return new PlanDiagnostic(rule.Id, rule.Severity, rule.Format(args), shotIndex, shotName);
    }

    /// <summary>The diagnostic of a rule's check, for <paramref name="subject"/>.</summary>
    internal static PlanDiagnostic From(RuleFinding finding, int? shotIndex, string? shotName, string subject) =>
        Create(finding.RuleId, shotIndex, shotName, finding.WithSubject(subject));

    /// <summary>"warning CF0201: Shot #2 'x' lasts 6 s, ...", the way compilers print.</summary>
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
}
