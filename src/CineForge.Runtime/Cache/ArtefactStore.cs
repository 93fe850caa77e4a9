using System.Text.Json;
using CineForge.Serialization;

namespace CineForge.Runtime.Cache;

/// <summary>
/// The content-addressed store: <c>objects/&lt;first two hex digits&gt;/&lt;hash&gt;&lt;extension&gt;</c>.
/// An object exists only once complete (atomic rename), so a lookup hit is always usable. The store
/// can be shared by films and, later, by the machines of a render farm.
/// </summary>
public sealed class ArtefactStore
{
    /// <summary>Extension of stored plans.</summary>
    public const string PlanExtension = ".film.json";

    /// <summary>Opens (and creates) the store at <paramref name="root"/>, sweeping temporary files left by dead renders (<see cref="AtomicFile.Sweep"/>).</summary>
    public ArtefactStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(Root, "objects"));
        AtomicFile.Sweep(Path.Combine(Root, "objects"));
    }

    /// <summary>The store's folder.</summary>
    public string Root { get; }

    /// <summary>Where the object <paramref name="hash"/> with <paramref name="extension"/> lives.</summary>
    public string PathOf(string hash, string extension) => Path.Combine(Root, "objects", hash[..2], hash + extension);

    /// <summary>True when the object exists.</summary>
    public bool Contains(string hash, string extension) => File.Exists(PathOf(hash, extension));

    /// <summary>Writes the object through a temporary file that <paramref name="write"/> fills.</summary>
    public Task PutAsync(string hash, string extension, Func<string, Task> write) => AtomicFile.WriteAsync(PathOf(hash, extension), write);

    /// <summary>Writes a text object.</summary>
    public void PutText(string hash, string extension, string text) => AtomicFile.WriteText(PathOf(hash, extension), text);

    /// <summary>Records that <paramref name="worker"/> made object <paramref name="hash"/>; call it before the object's final rename, so a present object has its record.</summary>
    public void RecordMaker(string hash, string worker) =>
        PutText(hash, ArtefactProvenance.Extension, JsonSerializer.Serialize(new ArtefactProvenance(worker, DateTimeOffset.UtcNow), FilmJson.Options) + "\n");

    /// <summary>The worker that made object <paramref name="hash"/>, or null when it has no (readable) record, as objects made before provenance was kept.</summary>
    public string? MakerOf(string hash)
    {
        var path = PathOf(hash, ArtefactProvenance.Extension);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ArtefactProvenance>(File.ReadAllText(path), FilmJson.Options)?.Worker : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores a film's plan (<see cref="FilmJson"/>) once, addressed by its content, so jobs carry its key instead of the plan; returns the key.</summary>
    public string PutPlan(string filmJson)
    {
        var key = ArtefactKey.For("plan").Add("film", filmJson).Hash();
        if (!Contains(key, PlanExtension))
        {
            PutText(key, PlanExtension, filmJson);
        }

        return key;
    }

    /// <summary>The plan stored under <paramref name="key"/> by <see cref="PutPlan"/>.</summary>
    /// <exception cref="Stages.StageInputMissingException">No plan has that key in this store.</exception>
    public string ReadPlan(string key)
    {
        var path = PathOf(key, PlanExtension);
        return File.Exists(path) ? File.ReadAllText(path) : throw new Stages.StageInputMissingException($"The film's plan {key} is not in the store at {Root}: does this machine see the submitter's store at the same path?");
    }
}
