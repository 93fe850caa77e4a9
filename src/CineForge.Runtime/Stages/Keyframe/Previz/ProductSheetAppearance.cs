using System.Collections.Concurrent;
using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Stages.Keyframe.Previz;

/// <summary>
/// What QA12 holds a product shot to: the product sheet drawn by the previz in the shot's light and
/// set, and read as a take is read (<see cref="ProductAppearance"/>). A shot that shows the sheet
/// draws the same bottle and lands near it; a shot that describes the product in its own words draws
/// what its words say and lands as far from it as they are from the sheet.
/// </summary>
public static class ProductSheetAppearance
{
    private static readonly ConcurrentDictionary<ProductReference, Lab> Colours = new();

    /// <summary>The sheet colour of <paramref name="reference"/> (drawn once per process and reference).</summary>
    public static Lab Of(ProductReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Colours.GetOrAdd(reference, Draw);
    }

    private static Lab Draw(ProductReference reference)
    {
        var scene = new ScenePlan(SheetDrawing.Width, SheetDrawing.Height, ShotType.ObjectDetail, reference.Name, reference.Time, reference.Weather, reference.Light, ColourWords.Palette(reference.Palette), [], reference.Look, GazeAxis.Camera, reference.Interior, Seed: 0);
        var sheet = SheetDrawing.Draw(scene);
        return ProductAppearance.Of(YuvFrame.From(sheet.Image), sheet.Subject)
            ?? throw new InvalidOperationException($"The sheet of product {reference.Name} draws no readable body.");
    }
}

/// <summary>What QA12 holds an object detail to: the film's product sheet it shows or names, and the light and set the shot gives it.</summary>
/// <param name="Name">The product's name.</param>
/// <param name="Look">The product as its sheet draws it.</param>
/// <param name="Time">The shot's time of day.</param>
/// <param name="Weather">The shot's weather.</param>
/// <param name="Light">The shot's dominant light direction.</param>
/// <param name="Palette">The film's palette words: the glass shows a little of the set behind it.</param>
/// <param name="Interior">A room or an exterior.</param>
public sealed record ProductReference(string Name, ProductLook Look, TimeOfDay Time, Weather Weather, LightDirection Light, string Palette, bool Interior)
{
    /// <summary>
    /// The reference of an object detail of <paramref name="film"/> (<paramref name="shot"/>, resolved as
    /// <paramref name="scene"/>): the film's sheet of the product it shows, or of a product its own words
    /// name (<see cref="ProductRules.Names"/>, CF0305); null for any other shot, whose subject box is not the product.
    /// </summary>
    public static ProductReference? Of(Film film, Shot shot, ScenePlan scene)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentNullException.ThrowIfNull(scene);
        if (scene.Type != ShotType.ObjectDetail)
        {
            return null;
        }

        var sheet = shot.Products.Count > 0
            ? film.ProductSheet(shot.Products[0].Name) ?? shot.Products[0]
            : film.Products.FirstOrDefault(p => ProductRules.Names(shot.Subject, ProductRules.NamingWords(p.Name, p.Shape)) || ProductRules.Names(shot.Action, ProductRules.NamingWords(p.Name, p.Shape)));
        return sheet is null ? null : new ProductReference(sheet.Name, ProductLook.Of(sheet), scene.Time, scene.Weather, scene.Light, ScenePlan.PaletteWords(film), scene.Interior);
    }
}
