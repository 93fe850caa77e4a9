using System.Text.RegularExpressions;

namespace CineForge.Runtime.Cache;

/// <summary>
/// The folder form of <see cref="AtomicFile"/>: a folder (the exports, the report) is written whole into a
/// staging folder beside it (<c>exports.staging-1a2b3c4d</c>) and swapped in when complete, the previous
/// one moved aside (<c>exports.old-5e6f7a8b</c>) and deleted. The writer removes its staging folder when
/// it fails or is cancelled; <see cref="Sweep"/> removes what a dead render left.
/// </summary>
public static partial class AtomicFolder
{
    /// <summary>A new, empty staging folder beside <paramref name="path"/>.</summary>
    public static string CreateStaging(string path)
    {
        var staging = Sibling(path, "staging");
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Swaps <paramref name="staging"/> in as <paramref name="path"/>: the previous folder is moved aside, the staging folder renamed, then the previous one deleted.</summary>
    /// <exception cref="RenderException">A move or the deletion failed (permissions, a full disk); the message names the folder. When the swap itself failed the previous folder is put back.</exception>
    public static void Publish(string staging, string path)
    {
        path = Path.GetFullPath(path);
        string? old = null;
        try
        {
            if (Directory.Exists(path))
            {
                old = Sibling(path, "old");
                Directory.Move(path, old);
            }

            Directory.Move(staging, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (old is not null && !Directory.Exists(path) && Directory.Exists(old))
            {
                Directory.Move(old, path);
            }

            throw new RenderException($"Could not replace {path}: {ex.Message}", ex);
        }

        if (old is not null)
        {
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new RenderException($"{path} was replaced, but its previous version {old} could not be removed: {ex.Message}", ex);
            }
        }
    }

    /// <summary>
    /// Removes every staging and set-aside folder (<c>*.staging-*</c>, <c>*.old-*</c>) directly in
    /// <paramref name="directory"/>. Only a render holding the render lock of <paramref name="directory"/>
    /// calls it: no other writer can be at work there, so whatever it finds is a dead render's.
    /// Folders it cannot remove are left for the next render.
    /// </summary>
    /// <returns>How many folders were removed.</returns>
    public static int Sweep(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(directory).Where(d => Leftover().IsMatch(Path.GetFileName(d))))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next render.
            }
        }

        return removed;
    }

    private static string Sibling(string path, string role) => $"{Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))}.{role}-{Guid.NewGuid().ToString("N")[..8]}";

    [GeneratedRegex(@"^.+\.(staging|old)-[0-9a-f]{8}$")]
    private static partial Regex Leftover();
}
