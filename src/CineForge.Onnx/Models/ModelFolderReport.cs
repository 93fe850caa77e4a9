namespace CineForge.Onnx.Models;

/// <summary>
/// What <c>cineforge models check DIR</c> prints: the architecture and precision found, each
/// component's inputs, outputs and files (with SHA-256 for the lock file), and every problem, each
/// naming its file. Plain data: the CLI formats it.
/// </summary>
/// <param name="Root">The folder checked (full path).</param>
/// <param name="Architecture">Detected family, or null when the files do not tell.</param>
/// <param name="Precision">UNet precision, or null when the UNet could not be read.</param>
/// <param name="Components">Readable components in pipeline order.</param>
/// <param name="Files">Every file the backend loads, with its size and hash (empty hashes when not asked for).</param>
/// <param name="Problems">What stops the folder from loading; empty when it is usable.</param>
/// <param name="Notes">What is usable but worth knowing (no VAE encoder: no img2img; defaults used).</param>
public sealed record ModelFolderReport(
    string Root,
    ModelArchitecture? Architecture,
    ModelPrecision? Precision,
    IReadOnlyList<ModelComponent> Components,
    IReadOnlyList<ModelFileEntry> Files,
    IReadOnlyList<ModelFolderProblem> Problems,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether the folder can be loaded.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>A file the backend loads.</summary>
/// <param name="RelativePath">Path under the model folder, with '/' separators.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256, or null when hashes were not asked for.</param>
public sealed record ModelFileEntry(string RelativePath, long Bytes, string? Sha256);

/// <summary>A missing or mismatched file and what was expected of it.</summary>
/// <param name="Path">The file (or folder) at fault.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ModelFolderProblem(string Path, string Message)
{
    /// <summary>"path: message".</summary>
    public override string ToString() => $"{Path}: {Message}";
}
