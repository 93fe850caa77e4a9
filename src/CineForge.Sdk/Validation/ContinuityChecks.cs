using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0301–CF0306: locked characters and products, continuity across cuts, motivated light.</summary>
internal sealed class ContinuityChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var who = Subject.Of(shot, i);
            foreach (var character in shot.Characters)
            {
                var sheet = film.CastMember(character.Name);
                var parts = sheet ?? character;
                if (ContinuityRules.Sheet(who, sheet is not null, !string.IsNullOrWhiteSpace(parts.Face), !string.IsNullOrWhiteSpace(parts.Wardrobe), parts.Seed is not null) is { } missing)
                {
                    yield return PlanDiagnostic.From(missing, i, shot.Name, character.Name);
                }

                var overrides = ContinuityRules.Overrides(
                    character.Name,
                    face: shot.FaceOverride is not null || (sheet?.Face is not null && character.Face != sheet.Face),
                    wardrobe: shot.WardrobeOverride is not null || (sheet?.Wardrobe is not null && character.Wardrobe != sheet.Wardrobe),
                    seed: sheet?.Seed is not null && character.Seed != sheet.Seed);
                foreach (var part in overrides)
                {
                    yield return PlanDiagnostic.From(part, i, shot.Name, who);
                }
            }

            foreach (var finding in Products(film, shot))
            {
                yield return PlanDiagnostic.From(finding, i, shot.Name, who);
            }

            if (ContinuityRules.Light(shot.Light, film.Charter.LightDirection) is { } light)
            {
                yield return PlanDiagnostic.From(light, i, shot.Name, who);
            }

            if (i > 0 && ContinuityRules.Cut(who, Look(film, film.Shots[i - 1]), Look(film, shot)) is { } cut)
            {
                yield return PlanDiagnostic.From(cut, i, shot.Name, Subject.Of(film.Shots[i - 1], i - 1));
            }
        }

        if (ProductRules.Sheet(film.Format.Kind, film.Products.Count) is { } noSheet)
        {
            yield return PlanDiagnostic.From(noSheet, null, null, Subject.Of(film));
        }
    }

    /// <summary>CF0305 on one shot: each of the film's products the shot names in its own words, or shows with a locked part changed.</summary>
    private static IEnumerable<RuleFinding> Products(Film film, Shot shot)
    {
        foreach (var sheet in film.Products)
        {
            var shown = shot.Products.FirstOrDefault(p => string.Equals(p.Name, sheet.Name, StringComparison.Ordinal));
            var naming = ProductRules.NamingWords(sheet.Name, sheet.Shape);
            var text = ProductRules.Names(shot.Subject, naming) ? shot.Subject : shot.Action;
            if (ProductRules.Described(sheet.Name, naming, shown is not null, text) is { } described)
            {
                yield return described;
            }

            if (shown is not null)
            {
                foreach (var part in ProductRules.Overrides(sheet.Name, sheet.DiffersFrom(shown)))
                {
                    yield return part;
                }
            }
        }
    }

    /// <summary>What a shot shows at a cut.</summary>
    internal static CutLook Look(Film film, Shot shot) => new(shot.Gaze, shot.Light ?? film.Charter.LightDirection, shot.GrainDensity, shot.Contrast, shot.Motion);
}
