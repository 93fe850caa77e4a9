using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0301–CF0304: locked characters, continuity across cuts, motivated light.</summary>
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
                var missing = (sheet ?? character).MissingParts().ToList();
                if (sheet is null)
                {
                    missing.Insert(0, MessageParts.NotInCast);
                }

                if (missing.Count > 0)
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0301, i, shot.Name, character.Name, who, MessageParts.JoinList(missing));
                }

                foreach (var part in Overrides(shot, character, sheet))
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0302, i, shot.Name, who, part, character.Name);
                }
            }

            var light = shot.Light ?? film.Charter.LightDirection;
            if (light is null)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0304, i, shot.Name, who, MessageParts.NoDominantLight);
            }
            else if (film.Charter.LightDirection is { } charter && light != charter)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0304, i, shot.Name, who, MessageParts.LightAgainstCharter(light.Value, charter));
            }

            if (i > 0)
            {
                var previous = film.Shots[i - 1];
                var changes = CutChanges(film, previous, shot);
                if (changes.Count > Continuity.MaxChangesPerCut)
                {
                    yield return PlanDiagnostic.Create(RuleIds.CF0303, i, shot.Name, Subject.Of(previous, i - 1), who, changes.Count, MessageParts.JoinList(changes));
                }
            }
        }
    }

    /// <summary>The transition-rule dimensions that change between two shots; unknown values never count as a change.</summary>
    internal static IReadOnlyList<string> CutChanges(Film film, Shot from, Shot to)
    {
        var changes = new List<string>();
        if (from.Gaze is { } g1 && to.Gaze is { } g2 && g1 != g2)
        {
            changes.Add(Continuity.Dimensions[0]);
        }

        if ((from.Light ?? film.Charter.LightDirection) is { } l1 && (to.Light ?? film.Charter.LightDirection) is { } l2 && l1 != l2)
        {
            changes.Add(Continuity.Dimensions[1]);
        }

        if (from.GrainDensity is { } d1 && to.GrainDensity is { } d2 && Math.Abs(d1 - d2) >= Continuity.GrainDensityStep - 1e-9)
        {
            changes.Add(Continuity.Dimensions[2]);
        }

        if (from.Contrast is { } c1 && to.Contrast is { } c2 && c1 != c2)
        {
            changes.Add(Continuity.Dimensions[3]);
        }

        if (Math.Abs(from.Motion - to.Motion) >= Continuity.ApparentSpeedStep - 1e-9)
        {
            changes.Add(Continuity.Dimensions[4]);
        }

        return changes;
    }

    private static IEnumerable<string> Overrides(Shot shot, Character inShot, Character? sheet)
    {
        if (shot.FaceOverride is not null || (sheet?.Face is not null && inShot.Face != sheet.Face))
        {
            yield return MessageParts.FaceDescriptors;
        }

        if (shot.WardrobeOverride is not null || (sheet?.Wardrobe is not null && inShot.Wardrobe != sheet.Wardrobe))
        {
            yield return MessageParts.Wardrobe;
        }

        if (sheet?.Seed is not null && inShot.Seed != sheet.Seed)
        {
            yield return MessageParts.Seed;
        }
    }

}
