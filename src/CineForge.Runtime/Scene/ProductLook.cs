using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Scene;

/// <summary>The silhouette the previz gives a product.</summary>
public enum ProductForm
{
    /// <summary>A bottle, jar, vial or flask: a body, a neck and a cap.</summary>
    Bottle,

    /// <summary>A drop or bead of liquid.</summary>
    Drop,

    /// <summary>Anything else: a rounded block.</summary>
    Block,
}

/// <summary>
/// How the previz draws a product: body and cap colour, glass or not, silhouette and proportions.
/// From a product sheet (<see cref="Of"/>) it depends on the sheet alone, as <see cref="CharacterLook"/>
/// does on a character sheet, so the product is the same bottle in every shot that shows it; from a
/// shot's own words (<see cref="FromWords"/>) each shot reads its text anew, which is how a product
/// described in free text changes between shots (CF0305).
/// </summary>
/// <param name="Body">Body colour.</param>
/// <param name="Cap">Cap colour (bottles).</param>
/// <param name="Glassy">Glass: partly shows what is behind it and carries a specular stripe.</param>
/// <param name="Form">Silhouette.</param>
/// <param name="HalfWidth">Half the body's width, as a fraction of the frame height; null: the shot's layout picks it.</param>
/// <param name="Height">Body height, as a fraction of the frame height.</param>
public sealed record ProductLook(Rgb Body, Rgb Cap, bool Glassy, ProductForm Form, double? HalfWidth, double Height)
{
    private static readonly string[] GlassWords = ["glass", "frosted", "clear", "crystal", "gloss", "glossy"];
    private static readonly string[] BottleWords = ["bottle", "jar", "dropper", "vial", "flask"];
    private static readonly Rgb DarkCap = new(0.12, 0.12, 0.13);

    /// <summary>The look of <paramref name="product"/>, from its sheet alone: its colour (else its material's, else a stable colour of its name), its shape's silhouette, and proportions drawn from its seed.</summary>
    public static ProductLook Of(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var random = new SeededRandom(product.Seed ?? 0, "product", product.Name);
        var body = ColourWords.FirstOrHashed(product.Colour ?? product.Material ?? product.Name);
        var words = product.Material + " " + product.Finish;
        var form = FormOf(product.Shape ?? product.Name);
        var cap = ColourWords.Mentions(product.Shape + " " + product.Label, "dropper", "black") ? DarkCap : body.Scale(0.55);
        return new ProductLook(body, cap, ColourWords.Mentions(words, GlassWords), form, random.Range(0.10, 0.13), random.Range(0.38, 0.44));
    }

    /// <summary>A product as a shot's own text (<paramref name="words"/>) describes it: its first colour word, glass words, and the silhouette its nouns name.</summary>
    public static ProductLook FromWords(string words) => new(
        ColourWords.FirstOrHashed(words),
        DarkCap,
        ColourWords.Mentions(words, [.. GlassWords, "serum", "bottle", "dropper", "drop"]),
        FormOf(words),
        FormOf(words) == ProductForm.Bottle ? 0.12 : null,
        0.42);

    private static ProductForm FormOf(string words) =>
        ColourWords.Mentions(words, BottleWords) ? ProductForm.Bottle
        : ColourWords.Mentions(words, "drop", "droplet", "bead") ? ProductForm.Drop
        : ProductForm.Block;
}
