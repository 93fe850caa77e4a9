namespace CineForge.Hosting;

/// <summary>
/// Whether the SDK version a film asks for (<c>#r "nuget: CineForge.Sdk, X"</c>, <c>#:package CineForge.Sdk@X</c>)
/// is the one this host carries. NuGet's forms: an exact version ("0.1.0"), a floating one ("0.1.*",
/// "0.1.0-*", "*"), or an interval ("[0.1,0.2)", "[0.1.0,]").
/// </summary>
/// <remarks>
/// The host compares releases (major.minor.patch). A prerelease label names a build of a release:
/// the launcher packs the SDK into a clone's feed as "0.1.0-local-HASH", and a new film asks for
/// "0.1.0-*" (any build of 0.1.0) so that <c>dotnet build film.cs</c> restores it from that feed;
/// every build of one release carries the same API, rules and defaults, so the host accepts
/// "0.1.0", "0.1.0-*" and "0.1.0-local-HASH" alike when it carries 0.1.0.
/// </remarks>
internal static class SdkVersionSpec
{
    public static bool Allows(string spec, string carried)
    {
        spec = spec.Trim();
        carried = Release(carried);
        if (spec.StartsWith('[') || spec.StartsWith('('))
        {
            return InInterval(spec, carried);
        }

        var release = Release(spec);
        if (release.EndsWith('*'))
        {
            return carried.StartsWith(release[..^1], StringComparison.OrdinalIgnoreCase);
        }

        return Version.TryParse(release, out var asked) && Version.TryParse(carried, out var have)
            ? Normalize(asked) == Normalize(have)
            : string.Equals(spec, carried, StringComparison.OrdinalIgnoreCase);
    }

    // "0.1.0-local-abc" and "0.1.0-*" are builds of 0.1.0; "1.0.0+meta" is 1.0.0.
    private static string Release(string version)
    {
        var end = version.IndexOfAny(new[] { '-', '+' });
        return (end < 0 ? version : version[..end]).Trim();
    }

    private static bool InInterval(string spec, string carried)
    {
        if (!Version.TryParse(carried, out var have) || spec.Length < 2 || !(spec.EndsWith(']') || spec.EndsWith(')')))
        {
            return false;
        }

        // Bounds are releases too: "[0.1.0-local-x,0.2)" is [0.1.0,0.2).
        var parts = spec[1..^1].Split(',');
        var low = parts[0].Trim();
        var high = parts.Length > 1 ? parts[1].Trim() : low;
        have = Normalize(have);
        if (low.Length > 0 && Version.TryParse(Release(low), out var min))
        {
            var c = have.CompareTo(Normalize(min));
            if (c < 0 || (c == 0 && spec[0] == '('))
            {
                return false;
            }
        }

        if (high.Length > 0 && Version.TryParse(Release(high), out var max))
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
