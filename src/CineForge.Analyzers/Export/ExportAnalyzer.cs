using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Export;

/// <summary>CF0801–CF0802: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExportAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ExportAnalyzer()
        : base(RuleFamily.Export)
    {
    }

    private protected override bool ReadsFilms => true;

    private protected override void AnalyzeFilm(FilmSite site)
    {
        var exports = site.Film.Exports;
        if (!exports.IsKnown)
        {
            return;
        }

        var at = site.Film.ExportCall ?? site.Anchor;
        foreach (var found in MixChecks.Exports(exports.Value.Select(t => t.Kind).ToList()))
        {
            site.Report(found, at);
        }
    }
}
