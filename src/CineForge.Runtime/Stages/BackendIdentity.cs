namespace CineForge.Runtime.Stages;

/// <summary>
/// What identifies a backend's output: its id and version, and the hashes of the model files it
/// loads. All three enter the cache key of every artefact the backend makes.
/// </summary>
/// <param name="Id">"previz".</param>
/// <param name="Version">Bumped whenever the backend's pixels change.</param>
/// <param name="ModelHashes">SHA-256 of each model file, empty for procedural backends.</param>
public sealed record BackendIdentity(string Id, string Version, IReadOnlyList<string> ModelHashes)
{
    /// <summary>"previz 1".</summary>
    public override string ToString() => $"{Id} {Version}";
}
