using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>CF0501–CF0507: brief, mission, arc, pitch, CTA and rhythm.</summary>
internal sealed class StoryChecks : IPlanCheck
{
    public IEnumerable<PlanDiagnostic> Check(Film film)
    {
        var who = Subject.Of(film);
        for (var i = 0; i < film.Shots.Count; i++)
        {
            if (film.Shots[i].Mission is null)
            {
                yield return PlanDiagnostic.Create(RuleIds.CF0501, i, film.Shots[i].Name, Subject.Of(film.Shots[i], i));
            }
        }

        if (ArcProblem(film.Shots.Select(s => s.Mission?.Beat)) is { } problem)
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0502, null, null, who, problem);
        }

        if (film.Shots.Count < Recommended.MinShots)
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0503, null, null, who, film.Shots.Count);
        }

        var missing = new List<string>();
        if (film.Brief.MissingLines() is { Count: > 0 } lines)
        {
            missing.Add(MessageParts.MissingBrief(lines));
        }

        if (film.Intention.MissingAnswers() is { Count: > 0 } answers)
        {
            missing.Add(MessageParts.MissingIntention(answers));
        }

        if (missing.Count > 0)
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0504, null, null, who, MessageParts.JoinMissing(missing));
        }

        var words = PitchWords(film);
        if (words > Recommended.PitchMaxWords)
        {
            var seconds = Math.Round(words / Recommended.PitchWordsPerMinute * 60);
            yield return PlanDiagnostic.Create(RuleIds.CF0505, null, null, who, seconds);
        }

        if (film.Format.Kind == FilmKind.Ad && !film.Shots.Any(s => s.Mission?.Beat == Beat.CallToAction))
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0506, null, null, who);
        }

        if (film.Shots.Count >= Recommended.MinShots && film.Shots.Select(s => s.Duration).Distinct().Count() == 1)
        {
            yield return PlanDiagnostic.Create(RuleIds.CF0507, null, null, who, NumericRange.Format(film.Shots[0].Duration));
        }
    }

    /// <summary>What is wrong with the beats' order, or null when setup → tension → decision → consequence holds.</summary>
    internal static string? ArcProblem(IEnumerable<Beat?> beats) => NarrativeArc.Problem(beats);

    /// <summary>Words of the one-page pitch: logline, arc, shot list and charters.</summary>
    internal static int PitchWords(Film film)
    {
        var parts = new List<string?> { film.Logline, film.Charter.Light, film.Charter.Texture, film.Charter.Palette };
        parts.AddRange(film.Arc);
        parts.AddRange(film.Charter.Prohibitions);
        parts.AddRange(film.Shots.Select(s => s.Mission?.Note));
        parts.AddRange(film.Shots.Select(s => s.Subject));
        return parts.Where(p => p is not null).Sum(p => p!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
