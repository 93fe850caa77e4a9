using System;
using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>
/// The product rules (CF0305, CF0306), each written once: the product sheet is to an ad what the
/// character sheet is to a cast (<see cref="ContinuityRules"/>). SDK validation, the analyzers and
/// the runtime's product measure (QA12) all ask <see cref="Names"/> which shots show the product in
/// words, so they agree on which shots are product shots.
/// </summary>
public static class ProductRules
{
    /// <summary>The locked parts of a product sheet, in the order the SDK and the analyzers compare them.</summary>
    public static readonly IReadOnlyList<string> Parts = new[] { "material", "colour", "shape", "label", "finish", "highlight", "seed" };

    private static readonly char[] Separators = { ' ', ',', ';', '.', '-', '/', '(', ')', '\'', '"', ':' };

    /// <summary>
    /// The words that name a product in free text: the words of its name and the last word of its
    /// shape ("Serum" with shape "dropper bottle": serum, bottle).
    /// </summary>
    public static IReadOnlyList<string> NamingWords(string name, string? shape)
    {
        var words = Words(name).ToList();
        if (Words(shape).LastOrDefault() is { } noun)
        {
            words.Add(noun);
        }

        return words.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when <paramref name="text"/> names the product whose naming words are <paramref name="naming"/> (whole words, a plural counts).</summary>
    public static bool Names(string? text, IReadOnlyList<string> naming) => Words(text).Any(naming.Contains);

    /// <summary>
    /// CF0305: a shot whose own text (<paramref name="text"/>: its subject or action) names the product
    /// while the shot does not show the product's sheet. The finding's subject is the shot.
    /// </summary>
    public static RuleFinding? Described(string product, IReadOnlyList<string> naming, bool shows, string? text) =>
        !shows && Names(text, naming) ? new RuleFinding(RuleIds.CF0305, 0, product, MessageParts.InOwnWords(text!)) : null;

    /// <summary>CF0305: a shot that shows the product with a locked part (one of <see cref="Parts"/>) changed, one finding a part.</summary>
    public static IReadOnlyList<RuleFinding> Overrides(string product, IEnumerable<string> parts) =>
        parts.Select(p => new RuleFinding(RuleIds.CF0305, 1 + IndexOf(p), product, MessageParts.OverriddenPart(p))).ToList();

    /// <summary>CF0306: an ad with no product sheet.</summary>
    public static RuleFinding? Sheet(FilmKind kind, int products) =>
        kind == FilmKind.Ad && products == 0 ? new RuleFinding(RuleIds.CF0306, 0) : null;

    private static int IndexOf(string part)
    {
        for (var i = 0; i < Parts.Count; i++)
        {
            if (string.Equals(Parts[i], part, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException("Not a product part: '" + part + "'.", nameof(part));
    }

    // Lower-case words; a plural's trailing 's' dropped ("drops" names "drop", "bottles" names "bottle").
    private static IEnumerable<string> Words(string? text) =>
        (text ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            .Select(w => w.Length > 3 && w.EndsWith("s", StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal) ? w.Substring(0, w.Length - 1) : w);
}
