using System.Linq;
using CineForge.Analyzers.Reading;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Grade;

/// <summary>CF0601–CF0606: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GradeAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public GradeAnalyzer()
        : base(RuleFamily.Grade)
    {
    }

    private protected override bool ReadsFilms => true;

    private protected override void AnalyzeFilm(FilmSite site)
    {
        var film = site.Film;
        if (!film.Grade.IsKnown)
        {
            return;
        }

        var steps = film.Grade.Value;
        var kinds = steps.Select(s => s.Kind).ToList();
        foreach (var found in GradeOrder.Violations(kinds, steps.Select(s => s.Amount.IsKnown ? s.Amount.Value : (double?)null).ToList()))
        {
            site.Report(found, steps[found.At].Source);
        }

        if (film.Exports.IsKnown)
        {
            var targets = film.Exports.Value;
            var hasGrain = kinds.Contains(GradeStepKind.Grain);
            foreach (var found in GradeOrder.ExportViolations(hasGrain, targets.Select(t => t.Kind).ToList(), targets.Select(t => t.Headroom.IsKnown ? t.Headroom.Value : (bool?)null).ToList()))
            {
                site.Report(found, targets[found.At].Source);
            }
        }
    }
}
