using CineForge.Rules;

namespace CineForge.Validation;

/// <summary>How far the plan decides a checklist item.</summary>
public enum ChecklistState
{
    /// <summary>The plan shows it is met, and no measurement is needed.</summary>
    Met,

    /// <summary>A rule that decides it is violated.</summary>
    Failed,

    /// <summary>The plan is fine; the rendered output's QA decides.</summary>
    AwaitsRender,

    /// <summary>Does not apply to this film (a CTA in a short).</summary>
    NotApplicable,
}

/// <summary>One checklist item as the plan decides it.</summary>
/// <param name="Key">The item's key.</param>
/// <param name="Text">The method's wording.</param>
/// <param name="State">Its state.</param>
/// <param name="Because">The rule ids that failed it.</param>
public sealed record ChecklistEntry(string Key, string Text, ChecklistState State, IReadOnlyList<string> Because);

/// <summary>Fills in the publication checklist from the plan's diagnostics.</summary>
public static class ChecklistStatus
{
    /// <summary>The checklist of <paramref name="film"/>, as far as its plan decides it.</summary>
    public static IReadOnlyList<ChecklistEntry> Of(Film film)
    {
        var fired = film.Validate().Select(d => d.RuleId).ToHashSet(StringComparer.Ordinal);
        return PublicationChecklist.Items.Select(item =>
        {
            if (item.Key == "cta" && film.Format.Kind != FilmKind.Ad)
            {
                return new ChecklistEntry(item.Key, item.Text, ChecklistState.NotApplicable, Array.Empty<string>());
            }

            var failed = item.DecidedBy.Where(fired.Contains).ToList();
            var state = failed.Count > 0 ? ChecklistState.Failed
                : Checks(film, item).Count > 0 ? ChecklistState.AwaitsRender
                : ChecklistState.Met;
            return new ChecklistEntry(item.Key, item.Text, state, failed);
        }).ToList();
    }

    /// <summary>
    /// The QA checks that decide <paramref name="item"/> for <paramref name="film"/>: QA10 only where a
    /// shot casts a character, QA12 only where a shot shows a product, every other check always.
    /// </summary>
    public static IReadOnlyList<string> Checks(Film film, PublicationChecklist.Item item)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(item);
        return item.DecidedBy.Where(id => id.StartsWith("QA", StringComparison.Ordinal) && id switch
        {
            RuleIds.QA10 => film.Shots.Any(s => s.Characters.Count > 0),
            RuleIds.QA12 => film.Shots.Any(s => s.Products.Count > 0),
            _ => true,
        }).ToList();
    }
}
