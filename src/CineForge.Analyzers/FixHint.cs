using System.Collections.Immutable;

namespace CineForge.Analyzers;

/// <summary>What a diagnostic's code fix should write, carried in the diagnostic's properties (the fix cannot see the analyzer's reading of the chain).</summary>
public sealed class FixHint
{
    /// <summary>Property: the constant that replaces the call's argument ("5", "24", "0.4").</summary>
    public const string Replacement = nameof(Replacement);

    /// <summary>Property: the shot's name, from which a stable seed is derived.</summary>
    public const string ShotName = nameof(ShotName);

    /// <summary>Property: how many shots of at most the maximum clip length a too-long clip splits into.</summary>
    public const string SplitParts = nameof(SplitParts);

    /// <summary>Property: the duration of each part of a split clip, in seconds.</summary>
    public const string PartSeconds = nameof(PartSeconds);

    /// <summary>Property: the expression that names the product's sheet where the film adds it (<c>serum</c> in <c>Products(serum)</c>).</summary>
    public const string Product = nameof(Product);

    private FixHint(ImmutableDictionary<string, string?> properties) => Properties = properties;

    internal ImmutableDictionary<string, string?> Properties { get; }

    internal static FixHint ReplaceArgument(string constant) => new(ImmutableDictionary<string, string?>.Empty.Add(Replacement, constant));

    internal FixHint With(string property, string? value) => new(Properties.SetItem(property, value));

    internal static FixHint ShowProduct(string sheet) => new(ImmutableDictionary<string, string?>.Empty.Add(Product, sheet));

    internal static FixHint SeedFrom(string? shotName) => new(ImmutableDictionary<string, string?>.Empty.Add(ShotName, shotName));
}
