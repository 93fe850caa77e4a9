using System.Globalization;
using CineForge.Rules;

namespace CineForge.Prompting;

/// <summary>
/// Builds each shot's prompt from the brief, the charters, the character sheets and the shot, in
/// one fixed order, so the same film always gives the same text. Character descriptors are
/// injected whole into every shot the character appears in (the locked sheet), and so are a
/// product's in every shot that shows it.
/// </summary>
public static class PromptTemplate
{
    /// <summary>Negative terms every keyframe carries: the method's named failures.</summary>
    public static readonly IReadOnlyList<string> MethodNegatives = new[] { "plastic skin", "oversharpened", "video game render", "CGI look", "watermark", "deformed hands" };

    /// <summary>The prompt of <paramref name="shot"/> within <paramref name="film"/>.</summary>
    public static ShotPrompt For(Film film, Shot shot)
    {
        var brief = film.Brief;
        var parts = new List<string?>
        {
            "cinematic film still",
            Framing(shot, brief),
            shot.Subject,
        };
        parts.AddRange(shot.Characters.Select(c => Describe(c, shot)));
        parts.AddRange(shot.Products.Select(Describe));
        parts.Add(shot.Action);
        parts.Add(shot.Feeling is null ? null : "feeling " + shot.Feeling);
        parts.Add(brief.Place is null ? null : "in " + brief.Place);
        parts.Add(brief.Time is { } time ? Words(time.ToString()) : null);
        parts.Add(brief.Weather is { } weather ? Words(weather.ToString()) + " weather" : null);
        parts.Add(Lighting(film, shot));
        parts.Add((film.Charter.Palette ?? brief.Palette) is { } palette ? "palette of " + palette : null);
        parts.Add(film.Charter.Texture ?? brief.Texture);

        var negatives = new List<string>(film.Charter.Prohibitions);
        if (brief.Prohibition is { } prohibition)
        {
            negatives.Add(prohibition);
        }

        negatives.AddRange(MethodNegatives);
        return new ShotPrompt(Join(parts), Join(negatives.Distinct(StringComparer.OrdinalIgnoreCase)));
    }

    private static string Framing(Shot shot, Brief brief)
    {
        var focal = shot.FocalLength ?? brief.FocalLength;
        var framing = shot.Spec.DisplayName;
        return focal is { } mm ? framing + ", " + mm.ToString("0.#", CultureInfo.InvariantCulture) + "mm lens" : framing;
    }

    private static string Describe(Character character, Shot shot)
    {
        var face = shot.FaceOverride ?? character.Face;
        var wardrobe = shot.WardrobeOverride ?? character.Wardrobe;
        var text = character.Name;
        if (face is not null)
        {
            text += ", " + face;
        }

        if (wardrobe is not null)
        {
            text += ", wearing " + wardrobe;
        }

        return text;
    }

    private static string Describe(Product product)
    {
        // "amber glass" already says amber: the colour is not repeated before it.
        var colour = product.Colour is { } c && product.Material?.Contains(c, StringComparison.OrdinalIgnoreCase) == true ? null : product.Colour;
        var parts = new List<string?>
        {
            product.Name,
            string.Join(" ", new[] { colour, product.Material, product.Shape }.Where(w => w is not null)),
            product.Label is null ? null : "label: " + product.Label,
            product.Finish is null ? null : product.Finish + " finish",
            product.Highlight is null ? null : "highlight: " + product.Highlight,
        };
        return Join(parts);
    }

    private static string? Lighting(Film film, Shot shot)
    {
        var direction = shot.Light ?? film.Charter.LightDirection;
        var from = direction switch
        {
            LightDirection.Left => "from camera left",
            LightDirection.Right => "from camera right",
            LightDirection.Front => "from the front",
            LightDirection.Back => "backlit",
            LightDirection.Top => "from above",
            _ => null,
        };
        return (film.Charter.Light, from) switch
        {
            (null, null) => null,
            (null, _) => "light " + from,
            (_, null) => film.Charter.Light,
            _ => film.Charter.Light + " " + from,
        };
    }

    private static string Words(string pascal) => string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Join(IEnumerable<string?> parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
