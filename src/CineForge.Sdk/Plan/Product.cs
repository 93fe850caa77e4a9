namespace CineForge;

/// <summary>
/// A product sheet: material, colour, shape, label, finish, highlight behaviour and seed, locked and
/// injected into every prompt of every shot that shows the product, as a character sheet is for a
/// face (CF0305). An ad's quality control asks for the same bottle in every shot; a product described
/// anew in each shot's words changes colour between the hook and the call to action.
/// </summary>
public sealed record Product
{
    /// <summary>The product's name, unique within a film ("Serum").</summary>
    public required string Name { get; init; }

    /// <summary>What it is made of ("amber glass").</summary>
    public string? Material { get; init; }

    /// <summary>Its colour ("amber").</summary>
    public string? Colour { get; init; }

    /// <summary>Its shape, ending on the noun that names it ("dropper bottle").</summary>
    public string? Shape { get; init; }

    /// <summary>Its label ("cream paper label, black serif type").</summary>
    public string? Label { get; init; }

    /// <summary>Its surface finish ("gloss", "frosted", "satin").</summary>
    public string? Finish { get; init; }

    /// <summary>How it takes the light ("one soft vertical reflection on the key side").</summary>
    public string? Highlight { get; init; }

    /// <summary>The product's identity seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Starts the sheet of a product called <paramref name="name"/>.</summary>
    public static Product Sheet(string name) => new() { Name = Guard.Text(name, nameof(name)) };

    /// <summary>
    /// The locked parts on which <paramref name="other"/> differs from this sheet, by
    /// <see cref="Rules.ProductRules.Parts"/>' names: what a shot showing <paramref name="other"/> overrides.
    /// </summary>
    public IReadOnlyList<string> DiffersFrom(Product other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var values = new (string? Mine, string? Theirs)[]
        {
            (Material, other.Material), (Colour, other.Colour), (Shape, other.Shape), (Label, other.Label),
            (Finish, other.Finish), (Highlight, other.Highlight), (Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture), other.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return Rules.ProductRules.Parts.Where((_, i) => values[i].Mine is not null && !string.Equals(values[i].Mine, values[i].Theirs, StringComparison.Ordinal)).ToList();
    }
}

/// <summary>Fluent setters of <see cref="Product"/>.</summary>
public static class ProductExtensions
{
    /// <summary>Sets the material.</summary>
    public static Product Material(this Product product, string material) => Guard.NotNull(product, nameof(product)) with { Material = Guard.Text(material, nameof(material)) };

    /// <summary>Sets the colour.</summary>
    public static Product Colour(this Product product, string colour) => Guard.NotNull(product, nameof(product)) with { Colour = Guard.Text(colour, nameof(colour)) };

    /// <summary>Sets the shape; its last word is the noun that names the product in free text (CF0305).</summary>
    public static Product Shape(this Product product, string shape) => Guard.NotNull(product, nameof(product)) with { Shape = Guard.Text(shape, nameof(shape)) };

    /// <summary>Sets the label.</summary>
    public static Product Label(this Product product, string label) => Guard.NotNull(product, nameof(product)) with { Label = Guard.Text(label, nameof(label)) };

    /// <summary>Sets the surface finish.</summary>
    public static Product Finish(this Product product, string finish) => Guard.NotNull(product, nameof(product)) with { Finish = Guard.Text(finish, nameof(finish)) };

    /// <summary>Sets how the product takes the light.</summary>
    public static Product Highlight(this Product product, string highlight) => Guard.NotNull(product, nameof(product)) with { Highlight = Guard.Text(highlight, nameof(highlight)) };

    /// <summary>Fixes the product's identity seed.</summary>
    public static Product Seed(this Product product, int seed) => Guard.NotNull(product, nameof(product)) with { Seed = seed };
}
