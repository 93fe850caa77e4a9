namespace CineForge.Runtime.Cache;

/// <summary>
/// Who made an artefact: stored beside it as <c>&lt;hash&gt;.provenance.json</c>, written before the
/// artefact itself is renamed into place. Never part of a key or a hash: the same bytes made by
/// another machine are the same artefact.
/// </summary>
/// <param name="Worker">The farm worker's name, or <see cref="LocalWorker"/> for a local render.</param>
/// <param name="Made">When it was made (UTC).</param>
public sealed record ArtefactProvenance(string Worker, DateTimeOffset Made)
{
    /// <summary>Extension of provenance records in the store.</summary>
    public const string Extension = ".provenance.json";

    /// <summary>The maker named by a local render: "local:" and this machine's host name.</summary>
    public static string LocalWorker { get; } = "local:" + Environment.MachineName.ToLowerInvariant();
}
