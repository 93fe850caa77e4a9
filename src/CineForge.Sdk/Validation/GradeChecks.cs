using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0601–CF0606: the realistic grade, in its order, light (the checks are <see cref="GradeOrder.Violations"/>).</summary>
internal sealed class GradeChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        var who = Subject.Of(film);
        var steps = film.Grade.Steps;
        var found = GradeOrder.Violations(steps.Select(s => s.Kind).ToList(), steps.Select(s => (double?)s.Amount).ToList())
            .Concat(GradeOrder.ExportViolations(
                film.Grade.Has(GradeStepKind.Grain),
                film.Exports.Targets.Select(t => t.Kind).ToList(),
                film.Exports.Targets.Select(t => (bool?)t.HasHeadroom).ToList()));
        return found.Select(f => PlanDiagnostic.From(f, null, null, who));
    }
}
