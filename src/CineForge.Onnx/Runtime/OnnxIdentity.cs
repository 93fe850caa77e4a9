using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Stages;

namespace CineForge.Onnx.Runtime;

/// <summary>Backend identities of the ONNX stages: version, provider and precision, and the SHA-256 of every model file.</summary>
internal static class OnnxIdentity
{
    /// <summary>Bumped whenever the backend's pixels change for the same model and seed.</summary>
    public const string Version = "1";

    private static readonly Dictionary<string, IReadOnlyList<string>> Hashes = [];

    // GPU and CPU kernels differ in the last bits, so the provider is part of the identity.
    public static BackendIdentity Of(string id, StableDiffusionPipeline pipeline) =>
        new(id, $"{Version} {pipeline.Provider.ToLowerInvariant()} {pipeline.Folder.Precision.ToString().ToLowerInvariant()}", HashesOf(pipeline));

    private static IReadOnlyList<string> HashesOf(StableDiffusionPipeline pipeline)
    {
        lock (Hashes)
        {
            if (!Hashes.TryGetValue(pipeline.Folder.Root, out var hashes))
            {
                var report = Models.ModelFolder.Check(pipeline.Folder.Root, hashes: true);
                Hashes[pipeline.Folder.Root] = hashes = report.Files.Select(f => $"{f.RelativePath}={f.Sha256}").ToList();
            }

            return hashes;
        }
    }
}
