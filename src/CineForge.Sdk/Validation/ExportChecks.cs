using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0801–CF0802: a master, then distribution exports including mobile (the checks are <see cref="MixChecks.Exports"/>).</summary>
internal sealed class ExportChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        var who = Subject.Of(film);
        return MixChecks.Exports(film.Exports.Targets.Select(t => t.Kind).ToList()).Select(f => PlanDiagnostic.From(f, null, null, who));
    }
}
