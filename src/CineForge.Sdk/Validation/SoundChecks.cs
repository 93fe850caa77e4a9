using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0701–CF0704: ambience at -24 LUFS, effects at -18..-14, music under the bed.</summary>
internal sealed class SoundChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        var who = Subject.Of(film);
        var sound = film.Sound;
        if (sound.Ambience is null)
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0703, null, null, who);
        }
        else if (!Loudness.AmbienceRange.Contains(sound.Ambience.Lufs))
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0701, null, null, who, NumericRange.Format(sound.Ambience.Lufs));
        }

        foreach (var effect in sound.Effects.Where(e => !Loudness.Effects.Contains(e.Lufs)))
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0702, null, null, who, effect.Path, NumericRange.Format(effect.Lufs));
        }

        var bed = sound.Ambience?.Lufs ?? Loudness.Ambience;
        if (sound.Music is { } music && music.Lufs >= bed)
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0704, null, null, who, NumericRange.Format(music.Lufs), NumericRange.Format(bed));
        }
    }
}
