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
        if (sound.Ambience.IsKnown && sound.Ambience.Value is null)
        {
            site.Report(RuleIds.CF0703, site.Film.SoundCall ?? site.Anchor, site.Subject);
        }
        else if (sound.Ambience.IsKnown && sound.Ambience.Value!.Lufs.IsKnown && !Loudness.AmbienceRange.Contains(sound.Ambience.Value.Lufs.Value))
        {
            site.Report(RuleIds.CF0701, sound.Ambience.Value.Source, site.Subject, NumericRange.Format(sound.Ambience.Value.Lufs.Value));
        }

        if (sound.Effects.IsKnown)
        {
            foreach (var effect in sound.Effects.Value)
            {
                if (effect.Path.IsKnown && effect.Lufs.IsKnown && !Loudness.Effects.Contains(effect.Lufs.Value))
                {
                    site.Report(RuleIds.CF0702, effect.Source, site.Subject, effect.Path.Value, NumericRange.Format(effect.Lufs.Value));
                }
            }
        }

        // The bed is the ambience's level, or the method's target when there is none (as validation reads it).
        var bed = !sound.Ambience.IsKnown ? (double?)null
            : sound.Ambience.Value is null ? Loudness.Ambience
            : sound.Ambience.Value.Lufs.IsKnown ? sound.Ambience.Value.Lufs.Value : null;
        if (bed is { } level && sound.Music.IsKnown && sound.Music.Value is { Lufs.IsKnown: true } music && music.Lufs.Value >= level)
        {
            site.Report(RuleIds.CF0704, music.Source, site.Subject, NumericRange.Format(music.Lufs.Value), NumericRange.Format(level));
        }
    }
}
