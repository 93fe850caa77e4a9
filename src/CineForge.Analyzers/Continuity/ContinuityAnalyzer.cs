using System;
using System.Collections.Generic;
using System.Linq;
using CineForge.Analyzers.Reading;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Continuity;

/// <summary>CF0301–CF0306: <see cref="RuleIds"/>.</summary>
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
                    var parts = sheet ?? character;
                    if (parts.HasFace.IsKnown && parts.HasWardrobe.IsKnown && parts.HasSeed.IsKnown
                        && ContinuityRules.Sheet(who, sheet is not null, parts.HasFace.Value, parts.HasWardrobe.Value, parts.HasSeed.Value) is { } missing)
                    {
                        site.ReportOn(missing.RuleId, placed.Argument, missing.WithSubject(character.Name.Value));
                    }

                    var overrides = ContinuityRules.Overrides(
                        character.Name.Value,
                        face: shot.FaceOverride.Is(true) || Differs(sheet?.Face, character.Face),
                        wardrobe: shot.WardrobeOverride.Is(true) || Differs(sheet?.Wardrobe, character.Wardrobe),
                        seed: Differs(sheet?.Seed, character.Seed));
                    foreach (var part in overrides)
                    {
                        site.ReportOn(part, placed);
                    }
                }
            }

            Products(site, placed);
            var charter = film.Charter.LightDirection;
            if (shot.Light.IsKnown && charter.IsKnown && ContinuityRules.Light(shot.Light.Value, charter.Value) is { } light)
            {
                site.ReportOn(light, placed);
            }

            if (previous is not null && ContinuityRules.Cut(who, Look(film, previous.Shot), Look(film, shot)) is { } cut)
            {
                site.ReportOn(cut.RuleId, placed.Argument, cut.WithSubject(FilmSite.ShotSubject(previous)));
            }

            previous = placed;
        }

        if (film.Kind.IsKnown && film.Products.IsKnown && ProductRules.Sheet(film.Kind.Value, film.Products.Value.Length) is { } noSheet)
        {
            site.Report(noSheet, film.Kind.Source ?? site.Anchor);
        }
    }

    /// <summary>
    /// CF0305 on one placed shot: a product of the film that the shot names in its own words without
    /// showing its sheet (the fix shows the sheet), or shows with a locked part changed.
    /// </summary>
    private static void Products(FilmSite site, PlacedShot placed)
    {
        var shot = placed.Shot;
        if (!site.Film.Products.IsKnown || !shot.Products.IsKnown)
        {
            return;
        }

        foreach (var sheet in site.Film.Products.Value)
        {
            var shape = sheet.Part("shape");
            if (!sheet.Name.IsKnown || !shape.IsKnown)
            {
                continue;
            }

            var naming = ProductRules.NamingWords(sheet.Name.Value, shape.Value);
            var shown = shot.Products.Value.FirstOrDefault(p => p.Name.IsKnown && string.Equals(p.Name.Value, sheet.Name.Value, StringComparison.Ordinal));
            var named = shot.Subject is { IsKnown: true } subject && ProductRules.Names(subject.Value, naming) ? subject : shot.Action;
            if (shot.Subject.IsKnown && named.IsKnown && shot.Products.Value.All(p => p.Name.IsKnown)
                && ProductRules.Described(sheet.Name.Value, naming, shown is not null, named.Value) is { } described)
            {
                if (sheet.Source is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax variable)
                {
                    site.ReportOn(described, placed, FixHint.ShowProduct(variable.Identifier.ValueText));
                }
                else
                {
                    site.ReportOn(described, placed);
                }
            }

            if (shown is not null && sheet.Parts is not null && shown.Parts is not null)
            {
                var changed = ProductRules.Parts.Where(part => Differs(sheet.Part(part), shown.Part(part)));
                foreach (var part in ProductRules.Overrides(sheet.Name.Value, changed.ToList()))
                {
                    site.ReportOn(part, placed);
                }
            }
        }
    }

    /// <summary>True when the sheet sets a part and the shot's character is known to differ from it.</summary>
    private static bool Differs<T>(Known<T>? sheet, Known<T> inShot) =>
        sheet is { IsKnown: true, Value: not null } locked && inShot.IsKnown && !EqualityComparer<T>.Default.Equals(inShot.Value, locked.Value);

    /// <summary>What a shot shows at a cut, as far as it is known.</summary>
    private static CutLook Look(FilmModel film, ShotModel shot) => new(
        shot.Gaze is { IsKnown: true, Value: { } gaze } ? gaze : null,
        LightOf(film, shot),
        shot.Grain is { IsKnown: true, Value: { } grain } ? grain : null,
        shot.Contrast is { IsKnown: true, Value: { } contrast } ? contrast : null,
        shot.Motion.IsKnown ? shot.Motion.Value : null);

    private static LightDirection? LightOf(FilmModel film, ShotModel shot) =>
        shot.Light is { IsKnown: true, Value: { } own } ? own
        : shot.Light.IsKnown && film.Charter.LightDirection.IsKnown ? film.Charter.LightDirection.Value
        : null;
}
