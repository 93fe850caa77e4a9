namespace CineForge;

/// <summary>
/// A character sheet: face descriptors, wardrobe and seed, locked and injected into every prompt
/// of every shot the character appears in (the method's "constant character sheet").
/// </summary>
public sealed record Character
{
    /// <summary>The character's name, unique within a film.</summary>
    public required string Name { get; init; }

    /// <summary>Face descriptors ("early thirties, freckles, dark curly hair tied back").</summary>
    public string? Face { get; init; }

    /// <summary>Wardrobe ("ochre linen shirt").</summary>
    public string? Wardrobe { get; init; }

    /// <summary>The character's identity seed, combined with each shot's seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Starts the sheet of a character called <paramref name="name"/>.</summary>
    public static Character Sheet(string name) => new() { Name = Guard.Text(name, nameof(name)) };

    /// <summary>The parts of the sheet that are missing, in words; empty when the sheet is complete.</summary>
    public IReadOnlyList<string> MissingParts()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Face))
        {
            missing.Add(Rules.MessageParts.SheetFace);
        }

        if (string.IsNullOrWhiteSpace(Wardrobe))
        {
            missing.Add(Rules.MessageParts.Wardrobe);
        }

        if (Seed is null)
        {
            missing.Add(Rules.MessageParts.Seed);
        }

        return missing;
    }
}

/// <summary>Fluent setters of <see cref="Character"/>.</summary>
public static class CharacterExtensions
{
    /// <summary>Sets the face descriptors.</summary>
    public static Character Face(this Character character, string descriptors) => Guard.NotNull(character, nameof(character)) with { Face = Guard.Text(descriptors, nameof(descriptors)) };

    /// <summary>Sets the wardrobe.</summary>
    public static Character Wardrobe(this Character character, string wardrobe) => Guard.NotNull(character, nameof(character)) with { Wardrobe = Guard.Text(wardrobe, nameof(wardrobe)) };

    /// <summary>Fixes the character's identity seed.</summary>
    public static Character Seed(this Character character, int seed) => Guard.NotNull(character, nameof(character)) with { Seed = seed };
}
