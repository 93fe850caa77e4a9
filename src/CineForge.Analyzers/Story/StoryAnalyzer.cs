using System;
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
        foreach (var placed in shots.Where(p => p.Shot.Mission.IsKnown && p.Shot.Mission.Value is null))
        {
            site.ReportOn(RuleIds.CF0501, placed.Argument, FilmSite.ShotSubject(placed));
        }

        var missionsKnown = shots.All(p => p.Shot.Mission.IsKnown);
        if (missionsKnown && NarrativeArc.Problem(shots.Select(p => p.Shot.Mission.Value)) is { } problem)
        {
            site.Report(RuleIds.CF0502, site.Anchor, site.Subject, problem);
        }

        if (shots.Count < Recommended.MinShots)
        {
            site.Report(RuleIds.CF0503, site.Anchor, site.Subject, shots.Count);
        }

        if (film.Brief.IsKnown && film.Intention.IsKnown)
        {
            var missing = new List<string>();
            var lines = BriefLines.Lines.Where((_, i) => !film.Brief.Value[i]).ToList();
            if (lines.Count > 0)
            {
                missing.Add(MessageParts.MissingBrief(lines));
            }

            var answers = BriefLines.IntentionAnswers.Where((_, i) => !film.Intention.Value[i]).ToList();
            if (answers.Count > 0)
            {
                missing.Add(MessageParts.MissingIntention(answers));
            }

            if (missing.Count > 0)
            {
                site.Report(RuleIds.CF0504, site.Anchor, site.Subject, MessageParts.JoinMissing(missing));
            }
        }

        if (PitchWords(site) is { } words && words > Recommended.PitchMaxWords)
        {
            site.Report(RuleIds.CF0505, site.Anchor, site.Subject, Math.Round(words / Recommended.PitchWordsPerMinute * 60));
        }

        if (film.Kind.Is(FilmKind.Ad) && missionsKnown && !shots.Any(p => p.Shot.Mission.Value == Beat.CallToAction))
        {
            site.Report(RuleIds.CF0506, film.Kind.Source ?? site.Anchor, site.Subject);
        }

        if (shots.Count >= Recommended.MinShots && shots.All(p => p.Shot.Duration.IsKnown) && shots.Select(p => p.Shot.Duration.Value).Distinct().Count() == 1)
        {
            site.Report(RuleIds.CF0507, site.Anchor, site.Subject, NumericRange.Format(shots[0].Shot.Duration.Value));
        }
    }

    /// <summary>Words of the one-page pitch (logline, arc, charters, missions, subjects), when every part is a constant.</summary>
    private static int? PitchWords(FilmSite site)
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
        return parts.Where(p => p is not null).Sum(p => p!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
