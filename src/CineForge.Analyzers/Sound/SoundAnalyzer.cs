using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Sound;

/// <summary>CF0701–CF0704: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SoundAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SoundAnalyzer()
        : base(RuleFamily.Sound)
    {
    }

    private protected override bool ReadsFilms => true;

    private protected override void AnalyzeFilm(FilmSite site)
    {
        var sound = site.Film.Sound;
        if (sound.Ambience.IsKnown)
        {
            var ambience = sound.Ambience.Value;
            if (MixChecks.Bed(ambience is not null, ambience is { Lufs.IsKnown: true } ? ambience.Lufs.Value : null) is { } bed)
            {
                site.Report(bed, ambience?.Source ?? site.Film.SoundCall ?? site.Anchor);
            }
        }

        if (sound.Effects.IsKnown)
        {
            foreach (var effect in sound.Effects.Value)
            {
                if (effect.Path.IsKnown && effect.Lufs.IsKnown && MixChecks.Effect(effect.Path.Value, effect.Lufs.Value) is { } found)
                {
                    site.Report(found, effect.Source);
                }
            }
        }

        // The bed is known when the ambience is: absent, or present with a constant level.
        if (sound.Ambience.IsKnown && (sound.Ambience.Value is null || sound.Ambience.Value.Lufs.IsKnown)
            && sound.Music.IsKnown && sound.Music.Value is { Lufs.IsKnown: true } music
            && MixChecks.Music(music.Lufs.Value, MixChecks.BedLevel(sound.Ambience.Value is not null, sound.Ambience.Value?.Lufs.Value ?? 0)) is { } louder)
        {
            site.Report(louder, music.Source);
        }
    }
}
