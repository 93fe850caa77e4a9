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
            var versions = 1 + variants.Length;
            if (versions > Recommended.MaxVersionsPerShot && site.SetHere(variants[Recommended.MaxVersionsPerShot - 1].Source))
            {
                site.Report(RuleIds.CF0401, variants[Recommended.MaxVersionsPerShot - 1].Source, site.Subject, versions);
            }

            foreach (var variant in variants.Where(v => v.Label.IsKnown && v.Changes.IsKnown && site.SetHere(v.Source)))
            {
                var changed = variant.Changes.Value.Select(c => c.Setting).ToList();
                if (changed.Count > Recommended.MaxVariablesPerVariant)
                {
                    site.Report(RuleIds.CF0402, variant.Source, site.Subject, variant.Label.Value, changed.Count, MessageParts.JoinList(changed));
                }
            }
        }

        if (shot.Corrections.IsKnown && shot.Corrections.Value.Length > Recommended.MaxCorrectionPasses
            && shot.Corrections.Value[Recommended.MaxCorrectionPasses].Source is { } extra && site.SetHere(extra))
        {
            site.Report(RuleIds.CF0403, extra, site.Subject, shot.Corrections.Value.Length);
        }
    }
}
