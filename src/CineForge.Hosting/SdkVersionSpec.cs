namespace CineForge.Hosting;

/// <summary>
/// Whether the SDK version a film asks for (<c>#r "nuget: CineForge.Sdk, X"</c>, <c>#:package CineForge.Sdk@X</c>)
/// is the one this host carries. NuGet's forms: an exact version ("0.1.0"), a floating one ("0.1.*",
/// "*"), or an interval ("[0.1,0.2)", "[0.1.0,]").
/// </summary>
internal static class SdkVersionSpec
{
    public static bool Allows(string spec, string carried)
    {
        spec = spec.Trim();
        if (spec.StartsWith('[') || spec.StartsWith('('))
        {
            return InInterval(spec, carried);
        }

        if (spec.EndsWith('*'))
        {
            return carried.StartsWith(spec[..^1], StringComparison.OrdinalIgnoreCase);
        }

        return Version.TryParse(spec, out var asked) && Version.TryParse(carried, out var have)
            ? Normalize(asked) == Normalize(have)
            : string.Equals(spec, carried, StringComparison.OrdinalIgnoreCase);
    }

    private static bool InInterval(string spec, string carried)
    {
        if (!Version.TryParse(carried, out var have) || spec.Length < 2 || !(spec.EndsWith(']') || spec.EndsWith(')')))
        {
            return false;
        }

        var parts = spec[1..^1].Split(',');
        var low = parts[0].Trim();
        var high = parts.Length > 1 ? parts[1].Trim() : low;
        have = Normalize(have);
        if (low.Length > 0 && Version.TryParse(low, out var min))
        {
            var c = have.CompareTo(Normalize(min));
            if (c < 0 || (c == 0 && spec[0] == '('))
            {
                return false;
            }
        }

        if (high.Length > 0 && Version.TryParse(high, out var max))
        {
            var c = have.CompareTo(Normalize(max));
            if (c > 0 || (c == 0 && spec[^1] == ')'))
            {
                return false;
            }
        }

        return true;
    }

    // "0.1" and "0.1.0" are the same version.
    private static Version Normalize(Version v) => new(v.Major, v.Minor, Math.Max(0, v.Build), Math.Max(0, v.Revision));
}
