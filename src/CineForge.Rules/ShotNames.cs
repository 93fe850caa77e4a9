using System.Globalization;
using System.Text;

namespace CineForge.Rules;

/// <summary>Stable, path-safe shot names: lower-case ASCII words joined by hyphens.</summary>
public static class ShotNames
{
    /// <summary>Longest name, in characters.</summary>
    public const int MaxLength = 40;

    /// <summary>The name used when <see cref="From"/> finds no letter or digit.</summary>
    public const string Fallback = "shot";

    /// <summary>"Serum drop on frosted glass" becomes "serum-drop-on-frosted-glass".</summary>
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
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength).TrimEnd('-');
        return slug.Length == 0 ? Fallback : slug;
    }
}
