namespace CineForge;

/// <summary>Stable, path-safe names: lower-case ASCII words joined by hyphens (the catalog's <see cref="Rules.ShotNames"/>).</summary>
internal static class Slug
{
    public static string From(string text) => Rules.ShotNames.From(text);
}
