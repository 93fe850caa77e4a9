using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0501–CF0507: brief, mission, arc, pitch, CTA and rhythm (the checks are <see cref="StoryRules"/>).</summary>
internal sealed class StoryChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        for (var i = 0; i < film.Shots.Count; i++)
        {
            if (StoryRules.Mission(film.Shots[i].Mission?.Beat) is { } mission)
            {
                yield return PlanDiagnostic.From(mission, i, film.Shots[i].Name, Subject.Of(film.Shots[i], i));
            }
        }

        var beats = film.Shots.Select(s => s.Mission?.Beat).ToList();
        var found = new[]
        {
            StoryRules.Arc(beats),
            StoryRules.ShotCount(film.Shots.Count),
            StoryRules.Brief(film.Brief.MissingLines(), film.Intention.MissingAnswers()),
            StoryRules.Pitch(PitchParts(film)),
            StoryRules.CallToAction(film.Format.Kind, beats),
            StoryRules.Rhythm(film.Shots.Select(s => s.Duration).ToList()),
        };
        var who = Subject.Of(film);
        foreach (var finding in found.OfType<RuleFinding>())
        {
            yield return PlanDiagnostic.From(finding, null, null, who);
        }
    }

    /// <summary>The parts of the one-page pitch: logline, arc, shot list and charters.</summary>
    private static List<string?> PitchParts(Film film)
    {
        var parts = new List<string?> { film.Logline, film.Charter.Light, film.Charter.Texture, film.Charter.Palette };
        parts.AddRange(film.Arc);
        parts.AddRange(film.Charter.Prohibitions);
        parts.AddRange(film.Shots.Select(s => s.Mission?.Note));
        parts.AddRange(film.Shots.Select(s => s.Subject));
        return parts;
    }
}
