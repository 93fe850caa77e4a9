using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0701–CF0704: ambience at -24 LUFS, effects at -18..-14, music under the bed (the checks are <see cref="MixChecks"/>).</summary>
internal sealed class SoundChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        var sound = film.Sound;
        var found = new List<RuleFinding?> { MixChecks.Bed(sound.Ambience is not null, sound.Ambience?.Lufs) };
        found.AddRange(sound.Effects.Select(e => MixChecks.Effect(e.Path, e.Lufs)));
        if (sound.Music is { } music)
        {
            found.Add(MixChecks.Music(music.Lufs, MixChecks.BedLevel(sound.Ambience is not null, sound.Ambience?.Lufs ?? 0)));
        }

        var who = Subject.Of(film);
        return found.OfType<RuleFinding>().Select(f => PlanDiagnostic.From(f, null, null, who));
    }
}
