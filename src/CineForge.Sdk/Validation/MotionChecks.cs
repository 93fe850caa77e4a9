using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0201–CF0206: short, controlled animation fitted to the shot type.</summary>
internal sealed class MotionChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var who = Subject.Of(shot, i);
            var spec = shot.Spec;
            foreach (var duration in KeyframeChecks.Values(shot.Duration, shot.Variants.Select(v => v.Changes.Duration)))
            {
                if (duration > Recommended.MaxClipSeconds + 1e-9)
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0201, i, shot.Name, who, NumericRange.Format(duration));
                }
                else if (!spec.Duration.Contains(duration))
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0202, i, shot.Name, who, NumericRange.Format(duration), spec.Duration, spec.DisplayName);
                }
            }

            if (shot.Fps != Recommended.Fps)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0203, i, shot.Name, who, shot.Fps);
            }

            foreach (var motion in KeyframeChecks.Values(shot.Motion, shot.Variants.Select(v => v.Changes.Motion)))
            {
                if (!spec.Motion.Contains(motion))
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0204, i, shot.Name, who, NumericRange.Format(motion), spec.Motion, spec.DisplayName);
                }
            }

            var asked = new List<string>();
            if (shot.TemporalConsistency != Level.High)
            {
                asked.Add(MessageParts.TemporalConsistency(shot.TemporalConsistency));
            }

            if (shot.Noise != Level.Low)
            {
                asked.Add(MessageParts.Noise(shot.Noise));
            }

            if (asked.Count > 0)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0205, i, shot.Name, who, MessageParts.JoinAsked(asked));
            }

            foreach (var camera in KeyframeChecks.Values(shot.Camera, shot.Variants.Select(v => v.Changes.Camera)))
            {
                if (!spec.Allows(camera))
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0206, i, shot.Name, who, camera, spec.DisplayName, spec.CameraAdvice);
                }
            }
        }
    }
}
