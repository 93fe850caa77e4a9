using System.Security;
using CineForge.Hosting;

namespace CineForge.Cli.Commands.New;

/// <summary>
/// The local NuGet feed that holds the CineForge.Sdk package this command carries. The launcher
/// packs it into the clone's <c>artifacts/feed/</c> whenever it builds the command (which it
/// publishes to <c>artifacts/cli/</c>), and names it in <c>CINEFORGE_FEED</c>; without the variable
/// the feed is <c>../feed</c> from the command's own folder, the launcher's layout.
/// </summary>
public sealed record SdkFeed(string Directory, IReadOnlyList<string> SdkVersions)
{
    /// <summary>The environment variable naming the feed folder.</summary>
    public const string Variable = "CINEFORGE_FEED";

    /// <summary>Whether the feed holds a CineForge.Sdk package at all.</summary>
    public bool HasSdk => SdkVersions.Count > 0;

    /// <summary>Whether the feed holds the CineForge.Sdk version this command carries.</summary>
    public bool HasCarriedSdk => SdkVersions.Contains(SdkPackage.Version, StringComparer.OrdinalIgnoreCase);

    /// <summary>The given folder, else the one <c>CINEFORGE_FEED</c> names, else the one beside the command's folder; it may be missing.</summary>
    public static SdkFeed Locate(string? directory = null)
    {
        directory = new[] { directory, Environment.GetEnvironmentVariable(Variable) }.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) is { } named
            ? Path.GetFullPath(named.Trim())
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "feed"));
        return new SdkFeed(directory, VersionsIn(directory));
    }

    /// <summary>The CineForge.Sdk versions of the packages in a folder ("CineForge.Sdk.0.1.0-local-ab12.nupkg" is "0.1.0-local-ab12").</summary>
    public static IReadOnlyList<string> VersionsIn(string directory)
    {
        var prefix = SdkPackage.Id + ".";
        return !System.IO.Directory.Exists(directory)
            ? Array.Empty<string>()
            : System.IO.Directory.EnumerateFiles(directory, prefix + "*.nupkg")
                .Select(f => Path.GetFileName(f)[prefix.Length..^".nupkg".Length])
                .Where(v => v.Length > 0 && char.IsAsciiDigit(v[0]))
                .OrderBy(v => v, StringComparer.Ordinal)
                .ToList();
    }

    /// <summary>
    /// The film folder's nuget.config: this feed for CineForge packages, nuget.org for everything
    /// else (the film's other packages, and what a file-based app restores for itself).
    /// </summary>
    public string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!--
          CineForge.Sdk is on no public feed: it comes from the local feed of the cineforge clone that
          made this folder (its launcher packs the SDK there), so `dotnet build film.cs` and IDEs can
          restore it. Everything else comes from nuget.org.
        -->
        <configuration>
          <packageSources>
            <clear />
            <add key="cineforge" value="{SecurityElement.Escape(Directory)}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="cineforge">
              <package pattern="CineForge.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>

        """;
}
