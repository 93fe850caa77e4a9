using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0101–CF0107: fixed keyframes with the method's starting settings.</summary>
internal sealed class KeyframeChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var who = Subject.Of(shot, i);
            var k = shot.Keyframe;
            if (shot.Seed is null)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0101, i, shot.Name, who, MessageParts.NoSeed);
            }

            if (shot.SubjectFromFilm)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0107, i, shot.Name, who, shot.Spec.DisplayName, FilmSubjects.Describe(FilmSubjects.For(shot.Type)));
            }

            if (!Recommended.KeyframeResolutions.Contains(new FrameSize(k.Width, k.Height)))
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0102, i, shot.Name, who, new FrameSize(k.Width, k.Height));
            }

            foreach (var steps in Values(k.Steps, shot.Variants.Select(v => v.Changes.Steps)))
            {
                if (!Recommended.Steps.Contains(steps))
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0103, i, shot.Name, who, steps);
                }
            }

            foreach (var cfg in Values(k.Cfg, shot.Variants.Select(v => v.Changes.Cfg)))
            {
                if (!Recommended.Cfg.Contains(cfg))
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0104, i, shot.Name, who, NumericRange.Format(cfg));
                }
            }

            if (k.Sampler != Recommended.DefaultSampler)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0105, i, shot.Name, who, k.Sampler);
            }

            var denoises = Values(k.Denoise, shot.Variants.Select(v => v.Changes.Denoise)).Concat(shot.Corrections.Select(c => c.Denoise));
            foreach (var denoise in denoises.Distinct())
            {
                if (!Recommended.Denoise.Contains(denoise))
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0106, i, shot.Name, who, NumericRange.Format(denoise));
                }
            }
        }
    }

    /// <summary>The shot's value followed by each variant's distinct override.</summary>
    internal static IEnumerable<T> Values<T>(T value, IEnumerable<T?> overrides)
        where T : struct => new[] { value }.Concat(overrides.Where(o => o.HasValue).Select(o => o!.Value)).Distinct();
}
