using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0401–CF0403: A plus B at most, one variable per iteration, two passes then reject.</summary>
internal sealed class SelectionChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var who = Subject.Of(shot, i);
            var versions = 1 + shot.Variants.Count;
            if (versions > Recommended.MaxVersionsPerShot)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0401, i, shot.Name, who, versions);
            }

            foreach (var variant in shot.Variants)
            {
                var changed = variant.Changes.ChangedSettings();
                if (changed.Count > Recommended.MaxVariablesPerVariant)
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0402, i, shot.Name, who, variant.Label, changed.Count, MessageParts.JoinList(changed));
                }
            }

            if (shot.Corrections.Count > Recommended.MaxCorrectionPasses)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0403, i, shot.Name, who, shot.Corrections.Count);
            }
        }
    }
}
