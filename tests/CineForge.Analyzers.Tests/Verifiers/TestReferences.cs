using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers.Tests.Verifiers;

/// <summary>
/// References for test compilations, read from disk so tests run offline: the local .NET reference
/// pack (the runtime's own assemblies when no pack is installed), plus the SDK and the catalog.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Cached = new(Load);

    public static ImmutableArray<MetadataReference> All => Cached.Value;

    public static string? ReferencePackDirectory()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll -> .../dotnet
        var dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        var major = Environment.Version.Major + "." + Environment.Version.Minor;
        return Directory.GetDirectories(packs)
            .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
            .Select(d => Path.Combine(d, "ref", "net" + major))
            .FirstOrDefault(Directory.Exists);
    }

    private static ImmutableArray<MetadataReference> Load()
    {
        var framework = ReferencePackDirectory() is { } pack
            ? Directory.GetFiles(pack, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll").ToArray();
        var cineForge = new[] { typeof(Film).Assembly.Location, typeof(CineForge.Rules.RuleCatalog).Assembly.Location };
        return framework.Concat(cineForge).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
