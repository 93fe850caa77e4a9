namespace CineForge.Runtime.Cache;

/// <summary>
/// The content-addressed store: <c>objects/&lt;first two hex digits&gt;/&lt;hash&gt;&lt;extension&gt;</c>.
/// An object exists only once complete (atomic rename), so a lookup hit is always usable. The store
/// can be shared by films and, later, by the machines of a render farm.
/// </summary>
public sealed class ArtefactStore
{
    /// <summary>Opens (and creates) the store at <paramref name="root"/>, sweeping temporary files left by killed renders.</summary>
    public ArtefactStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(Root, "objects"));
        AtomicFile.Sweep(Path.Combine(Root, "objects"), TimeSpan.FromHours(1));
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
}
