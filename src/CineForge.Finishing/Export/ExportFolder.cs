using System.Text.Json;
using CineForge.Runtime;
using CineForge.Runtime.Cache;

namespace CineForge.Finishing.Export;

/// <summary>
/// The exports folder, replaced as a whole. A new set is written to a staging folder next to it and
/// swapped in only when complete; the folder's manifest lists what CineForge wrote, and a folder that
/// holds anything else is never touched.
/// </summary>
public sealed class ExportFolder
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>File in the exports folder listing what CineForge wrote there.</summary>
    public const string ManifestName = ".cineforge-exports.json";

    /// <summary>Creates the folder object for <paramref name="path"/>.</summary>
    public ExportFolder(string path) => Path = System.IO.Path.GetFullPath(path);

    /// <summary>The exports folder.</summary>
    public string Path { get; }

    /// <summary>Refuses a folder that exists and holds files CineForge did not write.</summary>
    /// <exception cref="FinishingException">The folder holds foreign files; they are listed.</exception>
    public void EnsureReplaceable()
    {
        if (!Directory.Exists(Path))
        {
            if (File.Exists(Path))
            {
                throw new FinishingException($"Export: '{Path}' is a file, not a folder; move it or choose another output folder. Nothing was written.", path: Path);
            }

            return;
        }

        var owned = ReadManifest();
        var foreign = Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Where(f => File.Exists(f))
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .Where(f => f != ManifestName && !owned.Contains(f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (foreign.Count > 0)
        {
            throw new FinishingException(
                $"Export: '{Path}' already holds files CineForge did not write ({string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? ", ..." : string.Empty)}); move them or choose another output folder. Nothing was written or deleted; earlier stages' work is kept.",
                path: Path);
        }
    }

    /// <summary>A new, empty staging folder next to the exports folder (<see cref="AtomicFolder"/>).</summary>
    public string CreateStaging() => AtomicFolder.CreateStaging(Path);

    /// <summary>Writes the manifest of <paramref name="staging"/> and swaps it in for the exports folder.</summary>
    /// <exception cref="FinishingException">The folder holds foreign files, or it cannot be replaced (permissions, a full disk): the message names it.</exception>
    public void Publish(string staging)
    {
        EnsureReplaceable();
        var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(staging, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var manifest = System.IO.Path.Combine(staging, ManifestName);
        try
        {
            File.WriteAllText(manifest, JsonSerializer.Serialize(files, IndentedJson));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FinishingException($"Export: could not write {manifest}: {ex.Message}", path: Path, inner: ex);
        }

        try
        {
            AtomicFolder.Publish(staging, Path);
        }
        catch (RenderException ex)
        {
            throw new FinishingException("Export: " + ex.Message, path: Path, inner: ex);
        }
    }

    private HashSet<string> ReadManifest()
    {
        var manifest = System.IO.Path.Combine(Path, ManifestName);
        if (!File.Exists(manifest))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        try
        {
            return new HashSet<string>(JsonSerializer.Deserialize<string[]>(File.ReadAllText(manifest)) ?? Array.Empty<string>(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }
}
