namespace CineForge.Hosting;

/// <summary>The CineForge.Sdk package this host carries, as films and NuGet name it.</summary>
public static class SdkPackage
{
    /// <summary>The package id, "CineForge.Sdk".</summary>
    public const string Id = SdkReferenceResolver.SdkPackageId;

    /// <summary>The release this host carries ("0.1.0"): the version the host compares a film's request with.</summary>
    public static string Release => SdkReferenceResolver.SdkVersion;

    /// <summary>The package version: "0.1.0-local-HASH" when the launcher built the command and packed the SDK into the clone's feed, else the release.</summary>
    public static string Version => SdkReferenceResolver.SdkPackageVersion;

    /// <summary>
    /// What a new film asks for: "0.1.0-*", NuGet's floating range for the highest build of this
    /// release (a feed's 0.1.0-local-HASH, or 0.1.0 itself), which the host accepts as this release.
    /// </summary>
    public static string Request => Release + "-*";
}
