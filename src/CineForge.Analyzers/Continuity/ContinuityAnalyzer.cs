using System;
using System.Collections.Generic;
using System.Linq;
using CineForge.Analyzers.Reading;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Continuity;

/// <summary>CF0301–CF0304: <see cref="RuleIds"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContinuityAnalyzer : PlanAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ContinuityAnalyzer()
        : base(RuleFamily.Continuity)
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

        var castKnown = film.Cast.IsKnown && film.Cast.Value.All(c => c.Name.IsKnown);
        PlacedShot? previous = null;
        foreach (var placed in film.Shots.Value)
        {
            var shot = placed.Shot;
            var who = FilmSite.ShotSubject(placed);
            if (castKnown && shot.Characters.IsKnown)
            {
                foreach (var character in shot.Characters.Value.Where(c => c.Name.IsKnown))
                {
                    var sheet = film.Cast.Value.FirstOrDefault(c => string.Equals(c.Name.Value, character.Name.Value, StringComparison.Ordinal));
                    if (MissingParts(sheet ?? character) is { } missing)
                    {
                        if (sheet is null)
                        {
                            missing.Insert(0, MessageParts.NotInCast);
                        }

                        if (missing.Count > 0)
                        {
                            site.ReportOn(RuleIds.CF0301, placed.Argument, character.Name.Value, who, MessageParts.JoinList(missing));
                        }
                    }

                    foreach (var (part, at) in Overrides(shot, character, sheet, placed.Argument))
                    {
                        site.ReportOn(RuleIds.CF0302, at, who, part, character.Name.Value);
                    }
                }
            }

            var charter = film.Charter.LightDirection;
            if (shot.Light.IsKnown && charter.IsKnown)
            {
                var light = shot.Light.Value ?? charter.Value;
                if (light is null)
                {
                    site.ReportOn(RuleIds.CF0304, placed.Argument, who, MessageParts.NoDominantLight);
                }
                else if (charter.Value is { } lit && light != lit)
                {
                    site.ReportOn(RuleIds.CF0304, placed.Argument, who, MessageParts.LightAgainstCharter(light.Value, lit));
                }
            }

            if (previous is not null)
            {
                var changes = CutChanges(film, previous.Shot, shot);
                if (changes.Count > Rules.Continuity.MaxChangesPerCut)
                {
                    site.ReportOn(RuleIds.CF0303, placed.Argument, FilmSite.ShotSubject(previous), who, changes.Count, MessageParts.JoinList(changes));
                }
            }

            previous = placed;
        }
    }

    private static List<string>? MissingParts(CharacterModel sheet)
    {
        if (!sheet.HasFace.IsKnown || !sheet.HasWardrobe.IsKnown || !sheet.HasSeed.IsKnown)
        {
            return null;
        }

        var missing = new List<string>();
        if (!sheet.HasFace.Value)
        {
            missing.Add(MessageParts.SheetFace);
        }

        if (!sheet.HasWardrobe.Value)
        {
            missing.Add(MessageParts.Wardrobe);
        }

        if (!sheet.HasSeed.Value)
        {
            missing.Add(MessageParts.Seed);
        }

        return missing;
    }

    private static IEnumerable<(string Part, SyntaxNode At)> Overrides(ShotModel shot, CharacterModel inShot, CharacterModel? sheet, SyntaxNode argument)
    {
        if (shot.FaceOverride.Is(true))
        {
            yield return (MessageParts.FaceDescriptors, argument);
        }
        else if (sheet is not null && sheet.Face.IsKnown && sheet.Face.Value is not null && inShot.Face.IsKnown && inShot.Face.Value != sheet.Face.Value)
        {
            yield return (MessageParts.FaceDescriptors, argument);
        }

        if (shot.WardrobeOverride.Is(true))
        {
            yield return (MessageParts.Wardrobe, argument);
        }
        else if (sheet is not null && sheet.Wardrobe.IsKnown && sheet.Wardrobe.Value is not null && inShot.Wardrobe.IsKnown && inShot.Wardrobe.Value != sheet.Wardrobe.Value)
        {
            yield return (MessageParts.Wardrobe, argument);
        }

        if (sheet is not null && sheet.Seed.IsKnown && sheet.Seed.Value is not null && inShot.Seed.IsKnown && inShot.Seed.Value != sheet.Seed.Value)
        {
            yield return (MessageParts.Seed, argument);
        }
    }

    /// <summary>The transition-rule dimensions known to change at the cut; unknown values never count as a change.</summary>
    private static List<string> CutChanges(FilmModel film, ShotModel from, ShotModel to)
    {
        var changes = new List<string>();
        var dimensions = Rules.Continuity.Dimensions;
        if (from.Gaze is { IsKnown: true, Value: { } g1 } && to.Gaze is { IsKnown: true, Value: { } g2 } && g1 != g2)
        {
            changes.Add(dimensions[0]);
        }

        if (LightOf(film, from) is { } l1 && LightOf(film, to) is { } l2 && l1 != l2)
        {
            changes.Add(dimensions[1]);
        }

        if (from.Grain is { IsKnown: true, Value: { } d1 } && to.Grain is { IsKnown: true, Value: { } d2 } && Math.Abs(d1 - d2) >= Rules.Continuity.GrainDensityStep - 1e-9)
        {
            changes.Add(dimensions[2]);
        }

        if (from.Contrast is { IsKnown: true, Value: { } c1 } && to.Contrast is { IsKnown: true, Value: { } c2 } && c1 != c2)
        {
            changes.Add(dimensions[3]);
        }

        if (from.Motion.IsKnown && to.Motion.IsKnown && Math.Abs(from.Motion.Value - to.Motion.Value) >= Rules.Continuity.ApparentSpeedStep - 1e-9)
        {
            changes.Add(dimensions[4]);
        }

        return changes;
    }

    private static LightDirection? LightOf(FilmModel film, ShotModel shot) =>
        shot.Light is { IsKnown: true, Value: { } own } ? own
        : shot.Light.IsKnown && film.Charter.LightDirection.IsKnown ? film.Charter.LightDirection.Value
        : null;
}
