using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0201–CF0206: short, controlled animation fitted to the shot type (the checks are <see cref="ShotChecks"/>).</summary>
internal sealed class MotionChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var spec = shot.Spec;
            var found = new List<RuleFinding?>();
            found.AddRange(KeyframeChecks.Values(shot.Duration, shot.Variants.Select(v => v.Changes.Duration)).Select(d => ShotChecks.Duration(d, spec)));
            found.Add(ShotChecks.Fps(shot.Fps));
            found.AddRange(KeyframeChecks.Values(shot.Motion, shot.Variants.Select(v => v.Changes.Motion)).Select(m => ShotChecks.Motion(m, spec)));
            found.Add(ShotChecks.Consistency(shot.TemporalConsistency, shot.Noise));
            found.AddRange(KeyframeChecks.Values(shot.Camera, shot.Variants.Select(v => v.Changes.Camera)).Select(c => ShotChecks.Camera(c, spec)));
            foreach (var finding in found.OfType<RuleFinding>())
            {
                yield return PlanDiagnostic.From(finding, i, shot.Name, Subject.Of(shot, i));
            }
        }
    }
}
