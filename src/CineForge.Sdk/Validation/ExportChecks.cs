using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0801–CF0802: a master, then distribution exports including mobile.</summary>
internal sealed class ExportChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        var who = Subject.Of(film);
        if (!film.Exports.Has(ExportKind.Mobile))
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0801, null, null, who);
        }

        if (!film.Exports.Has(ExportKind.Master))
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0802, null, null, who);
        }
    }
}
