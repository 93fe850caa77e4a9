using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CineForge.Hosting;

/// <summary>
/// Resolves <c>#r "nuget: CineForge.Sdk, x.y.z"</c> to the SDK this host carries, so scripts
/// written for dotnet-script run unchanged. Other references go to the default resolver.
/// </summary>
internal sealed class SdkReferenceResolver : MetadataReferenceResolver
{
    public const string NuGetPrefix = "nuget:";
    public const string SdkPackageId = "CineForge.Sdk";

    /// <summary>The release of the SDK this host carries ("0.1.0").</summary>
    public static string SdkVersion { get; } = typeof(Film).Assembly.GetName().Version!.ToString(3);

    /// <summary>
    /// The package version of the SDK this host carries: "0.1.0-local-HASH" when the launcher built
    /// it (the version it packed into the clone's feed), else the release ("0.1.0").
    /// </summary>
    public static string SdkPackageVersion { get; } =
        typeof(Film).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] is { Length: > 0 } informational
            ? informational
            : SdkVersion;

    private readonly MetadataReferenceResolver fallback;

    public SdkReferenceResolver(MetadataReferenceResolver fallback) => this.fallback = fallback;

    public override bool ResolveMissingAssemblies => fallback.ResolveMissingAssemblies;

    public static ImmutableArray<PortableExecutableReference> SdkReferences { get; } = ImmutableArray.Create(
        MetadataReference.CreateFromFile(typeof(Film).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Rules.RuleIds).Assembly.Location));

    /// <summary>The package id of a <c>nuget:</c> reference, or null for other references.</summary>
    public static string? PackageId(string reference)
    {
        if (!reference.StartsWith(NuGetPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var spec = reference.Substring(NuGetPrefix.Length).Trim();
        var end = spec.IndexOfAny(new[] { ',', '/' });
        return (end < 0 ? spec : spec.Substring(0, end)).Trim();
    }

    /// <summary>The version part of a <c>nuget:</c> reference ("0.1.0" in "nuget: CineForge.Sdk, 0.1.0"), or null when none is given.</summary>
    public static string? PackageVersion(string reference)
    {
        if (PackageId(reference) is null)
        {
            return null;
        }

        var spec = reference.Substring(NuGetPrefix.Length);
        var at = spec.IndexOfAny(new[] { ',', '/' });
        return at < 0 || spec.Substring(at + 1).Trim() is not { Length: > 0 } version ? null : version;
    }

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var package = PackageId(reference);
        if (package is null)
        {
            return fallback.ResolveReference(reference, baseFilePath, properties);
        }

        // Roslyn binds one assembly per #r directive; the catalog assembly is always referenced.
        return string.Equals(package, SdkPackageId, StringComparison.OrdinalIgnoreCase)
            ? ImmutableArray.Create(SdkReferences[0].WithProperties(properties))
            : ImmutableArray<PortableExecutableReference>.Empty;
    }

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        // One reference object per assembly asked for: compilations made one after the other (the
        // language server's, after every edit) share its metadata and symbols instead of reading
        // the file into memory and binding it again each time.
        var key = ((definition as PortableExecutableReference)?.FilePath ?? definition.Display ?? string.Empty, referenceIdentity);
        return MissingAssemblies.GetOrAdd(key, _ => fallback.ResolveMissingAssembly(definition, referenceIdentity));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Definition, AssemblyIdentity Identity), PortableExecutableReference?> MissingAssemblies = new();

    public override bool Equals(object? other) => other is SdkReferenceResolver r && r.fallback.Equals(fallback);

    public override int GetHashCode() => fallback.GetHashCode();
}
