using System.Text;

namespace CineForge;

/// <summary>Stable, path-safe names: lower-case ASCII words joined by hyphens.</summary>
internal static class Slug
{
    private const int MaxLength = 40;

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength).TrimEnd('-');
        return slug.Length == 0 ? "shot" : slug;
    }
}
