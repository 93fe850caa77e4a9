using System.Collections.Generic;
using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Story;

/// <summary>CF0501–CF0507: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StoryAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public StoryAnalyzer()
        : base(RuleFamily.Story)
    {
    }

    private protected override bool ReadsFilms => true;

    private protected override void AnalyzeFilm(FilmSite site)
    {
        var film = site.Film;
        if (!film.Shots.IsKnown)
        {
            return;
        }

        var shots = film.Shots.Value;
        foreach (var placed in shots.Where(p => p.Shot.Mission.IsKnown))
        {
            if (StoryRules.Mission(placed.Shot.Mission.Value) is { } mission)
            {
                site.ReportOn(mission, placed);
            }
        }

        var missionsKnown = shots.All(p => p.Shot.Mission.IsKnown);
        var beats = missionsKnown ? shots.Select(p => p.Shot.Mission.Value).ToList() : null;
        Report(site, beats is null ? null : StoryRules.Arc(beats));
        Report(site, StoryRules.ShotCount(shots.Count));
        if (film.Brief.IsKnown && film.Intention.IsKnown)
        {
            Report(site, StoryRules.Brief(StoryRules.Missing(BriefLines.Lines, film.Brief.Value), StoryRules.Missing(BriefLines.IntentionAnswers, film.Intention.Value)));
        }

        if (PitchParts(site) is { } parts)
        {
            Report(site, StoryRules.Pitch(parts));
        }

        if (film.Kind.IsKnown && beats is not null && StoryRules.CallToAction(film.Kind.Value, beats) is { } cta)
        {
            site.Report(cta, film.Kind.Source ?? site.Anchor);
        }

        if (shots.All(p => p.Shot.Duration.IsKnown))
        {
            Report(site, StoryRules.Rhythm(shots.Select(p => p.Shot.Duration.Value).ToList()));
        }
    }

    private static void Report(FilmSite site, RuleFinding? found)
    {
        if (found is not null)
        {
            site.Report(found, site.Anchor);
        }
    }

    /// <summary>The parts of the one-page pitch (logline, arc, charters, missions, subjects), when every part is a constant.</summary>
    private static List<string?>? PitchParts(FilmSite site)
    {
        var film = site.Film;
        var charter = film.Charter;
        if (!film.Logline.IsKnown || !film.Arc.IsKnown || !charter.Light.IsKnown || !charter.Texture.IsKnown || !charter.Palette.IsKnown || !charter.Prohibitions.IsKnown
            || film.Shots.Value.Any(p => !p.Shot.MissionNote.IsKnown || !p.Shot.Subject.IsKnown))
        {
            return null;
        }

        var parts = new List<string?> { film.Logline.Value, charter.Light.Value, charter.Texture.Value, charter.Palette.Value };
        parts.AddRange(film.Arc.Value);
        parts.AddRange(charter.Prohibitions.Value);
        parts.AddRange(film.Shots.Value.Select(p => p.Shot.MissionNote.Value));
        parts.AddRange(film.Shots.Value.Select(p => p.Shot.Subject.Value));
        return parts;
    }
}
