using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Selection;

/// <summary>CF0401–CF0403: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SelectionAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SelectionAnalyzer()
        : base(RuleFamily.Selection)
    {
    }

    private protected override bool ReadsShots => true;

    private protected override void AnalyzeShot(ShotSite site)
    {
        var shot = site.Shot;
        if (shot.Variants.IsKnown)
        {
            var variants = shot.Variants.Value;
            if (MixChecks.Versions(1 + variants.Length) is { } versions && site.SetHere(variants[Recommended.MaxVersionsPerShot - 1].Source))
            {
                site.Report(versions, variants[Recommended.MaxVersionsPerShot - 1].Source);
            }

            foreach (var variant in variants.Where(v => v.Label.IsKnown && v.Changes.IsKnown && site.SetHere(v.Source)))
            {
                if (MixChecks.Variant(variant.Label.Value, variant.Changes.Value.Select(c => c.Setting).ToList()) is { } found)
                {
                    site.Report(found, variant.Source);
                }
            }
        }

        if (shot.Corrections.IsKnown && MixChecks.Corrections(shot.Corrections.Value.Length) is { } passes
            && shot.Corrections.Value[Recommended.MaxCorrectionPasses].Source is { } extra && site.SetHere(extra))
        {
            site.Report(passes, extra);
        }
    }
}
