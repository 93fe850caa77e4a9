using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0401–CF0403: A plus B at most, one variable per iteration, two passes then reject (the checks are <see cref="MixChecks"/>).</summary>
internal sealed class SelectionChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var found = new List<RuleFinding?> { MixChecks.Versions(1 + shot.Variants.Count) };
            found.AddRange(shot.Variants.Select(v => MixChecks.Variant(v.Label, v.Changes.ChangedSettings())));
            found.Add(MixChecks.Corrections(shot.Corrections.Count));
            foreach (var finding in found.OfType<RuleFinding>())
            {
                yield return PlanDiagnostic.From(finding, i, shot.Name, Subject.Of(shot, i));
            }
        }
    }
}
