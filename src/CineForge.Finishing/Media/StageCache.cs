using System.Text.Json;
using CineForge.Runtime.Cache;

namespace CineForge.Finishing.Media;

/// <summary>
/// Content-addressed work files of the finishing stages, kept in the runtime's artefact store: an
/// output's name is its <see cref="ArtefactKey"/>: a hash of everything that made it (input file contents, settings, FFmpeg version),
/// so an unchanged stage is never run twice and a failed later stage leaves earlier outputs in place.
/// </summary>
public sealed class StageCache
{
    private readonly ArtefactStore store;

    /// <summary>A cache in the artefact store at <paramref name="root"/>.</summary>
    public StageCache(string root)
        : this(new ArtefactStore(root))
    {
    }

    /// <summary>A cache in <paramref name="store"/> (the render's own store, shared with part 1).</summary>
    public StageCache(ArtefactStore store) => this.store = store;

    /// <summary>The store's folder.</summary>
    public string Root => store.Root;

    /// <summary>
    /// The path of <paramref name="stage"/>'s output for <paramref name="key"/>; runs <paramref name="produce"/>
    /// on a temporary path (renamed when it succeeds) unless the output already exists.
    /// </summary>
    public string GetOrCreate(string stage, string key, string extension, Action<string> produce)
    {
        var path = PathFor(stage, key, extension);
        if (!File.Exists(path))
        {
            AtomicFile.Write(path, produce);
        }

        return path;
    }

    /// <summary>
    /// A measurement of stored media (statistics of sampled frames), kept as JSON under
    /// <paramref name="key"/>: decoding the frames again gives the same numbers, and doubles read back
    /// from JSON are the same doubles, so a rerun skips the decode without changing anything downstream.
    /// </summary>
    public T Measure<T>(string stage, string key, Func<T> measure)
    {
        var path = PathFor(stage, key, ".json");
        if (File.Exists(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<T>(File.ReadAllText(path)) is { } stored)
                {
                    return stored;
                }
            }
            catch (JsonException)
            {
                // Unreadable (written by an older build): measured again and replaced.
            }
        }

        var value = measure();
        AtomicFile.WriteText(path, JsonSerializer.Serialize(value));
        return value;
    }

    /// <summary>Where <paramref name="stage"/>'s output for <paramref name="key"/> lives.</summary>
    public string PathFor(string stage, string key, string extension) => store.PathOf(key, "." + stage + extension);

    /// <summary>SHA-256 of a file's bytes.</summary>
    public static string HashFile(string path) => ArtefactKey.HashFile(path);
}
