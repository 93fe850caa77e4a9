using CineForge.Rules;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Scene;

/// <summary>
/// What a keyframe must show, resolved from the film and one take of a shot: framing, light,
/// sky, palette and cast. Generators read this, not the raw plan, so every backend sees the same
/// resolved values.
/// </summary>
/// <param name="Width">Output frame width in pixels (even).</param>
/// <param name="Height">Output frame height in pixels (even).</param>
/// <param name="Type">Shot type: sets the framing.</param>
/// <param name="Subject">The shot's subject in words.</param>
/// <param name="Time">Time of day: sky and ambient level.</param>
/// <param name="Weather">Weather: sky, haze, precipitation, key strength.</param>
/// <param name="Light">Dominant light direction: key light and shadows.</param>
/// <param name="Palette">Set colours, from the charter's (or brief's) palette.</param>
/// <param name="Cast">The characters in the shot.</param>
/// <param name="Product">The product the shot shows, drawn from its sheet; null when the shot shows none (an object detail then draws its own words).</param>
/// <param name="Gaze">Where the subject looks.</param>
/// <param name="Interior">True for a room (a wall and a window), false for an exterior (a sky).</param>
/// <param name="Seed">The take's seed: varies the layout.</param>
public sealed record ScenePlan(
    int Width,
    int Height,
    ShotType Type,
    string Subject,
    TimeOfDay Time,
    Weather Weather,
    LightDirection Light,
    IReadOnlyList<Rgb> Palette,
    IReadOnlyList<CharacterLook> Cast,
    ProductLook? Product,
    GazeAxis Gaze,
    bool Interior,
    long Seed)
{
    /// <summary>Resolves the scene of <paramref name="take"/> in <paramref name="film"/> at <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static ScenePlan Resolve(Film film, ShotTake take, int width, int height)
    {
        var shot = take.Shot;
        var palette = ColourWords.Palette(PaletteWords(film));
        var subject = shot.Subject ?? shot.Action ?? string.Join(" ", shot.Characters.Select(c => c.Name).Concat(shot.Products.Select(p => p.Name)));
        return new ScenePlan(
            width,
            height,
            shot.Type,
            subject,
            film.Brief.Time ?? TimeOfDay.Morning,
            film.Brief.Weather ?? Weather.Clear,
            shot.Light ?? film.Charter.LightDirection ?? LightDirection.Front,
            palette,
            shot.Characters.Select(c => CharacterLook.Of(film.CastMember(c.Name) ?? c, shot.WardrobeOverride)).ToList(),
            shot.Products.Count > 0 ? ProductLook.Of(shot.Products[0]) : null,
            shot.Gaze ?? GazeAxis.Camera,
            IsInterior(film.Brief.Place, subject),
            take.Seed);
    }

    /// <summary>The words the set's colours come from: the charter's palette, else the brief's, else a neutral room.</summary>
    public static string PaletteWords(Film film)
    {
        ArgumentNullException.ThrowIfNull(film);
        return film.Charter.Palette ?? film.Brief.Palette ?? "cream slate";
    }

    private static bool IsInterior(string? place, string subject) =>
        ColourWords.Mentions(place + " " + subject, "kitchen", "room", "apartment", "office", "bathroom", "bedroom", "studio", "interior", "house", "hall", "corridor", "bar", "cafe", "shop", "windowsill", "mirror");
}
