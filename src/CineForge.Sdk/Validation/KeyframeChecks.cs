using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0101–CF0107: fixed keyframes with the method's starting settings (the checks are <see cref="ShotChecks"/>).</summary>
internal sealed class KeyframeChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var k = shot.Keyframe;
            var found = new List<RuleFinding?>
            {
                shot.Seed is null ? ShotChecks.Unseeded(random: false) : null,
                shot.SubjectFromFilm ? ShotChecks.SubjectFromFilm(shot.Spec) : null,
                ShotChecks.Resolution(k.Width, k.Height),
            };
            found.AddRange(Values(k.Steps, shot.Variants.Select(v => v.Changes.Steps)).Select(ShotChecks.Steps));
            found.AddRange(Values(k.Cfg, shot.Variants.Select(v => v.Changes.Cfg)).Select(ShotChecks.Cfg));
            found.Add(ShotChecks.Sampler(k.Sampler));
            found.AddRange(Values(k.Denoise, shot.Variants.Select(v => v.Changes.Denoise)).Concat(shot.Corrections.Select(c => c.Denoise)).Distinct().Select(ShotChecks.Denoise));
            foreach (var finding in found.OfType<RuleFinding>())
            {
                yield return PlanDiagnostic.From(finding, i, shot.Name, Subject.Of(shot, i));
            }
        }
    }

    /// <summary>The shot's value followed by each variant's distinct override.</summary>
    internal static IEnumerable<T> Values<T>(T value, IEnumerable<T?> overrides)
        where T : struct => new[] { value }.Concat(overrides.Where(o => o.HasValue).Select(o => o!.Value)).Distinct();
}
