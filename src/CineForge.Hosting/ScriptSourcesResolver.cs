using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CineForge.Hosting;

/// <summary>
/// Resolves <c>#load</c> paths like <paramref name="paths"/> does, and reads each loaded file from
/// the texts of <paramref name="sources"/>: the compilation sees the same texts as the closure that
/// was checked (and, in an editor, the unsaved buffers). Files the sources do not hold are read from disk.
/// </summary>
internal sealed class ScriptSourcesResolver(ScriptSources sources, SourceReferenceResolver paths) : SourceReferenceResolver
{
    private readonly ScriptSources sources = sources;
    private readonly SourceReferenceResolver paths = paths;

    public override string? NormalizePath(string path, string? baseFilePath) => paths.NormalizePath(path, baseFilePath);

    public override string? ResolveReference(string path, string? baseFilePath) => paths.ResolveReference(path, baseFilePath);

    public override Stream OpenRead(string resolvedPath) => Find(resolvedPath) is { } file
        ? new MemoryStream(Encoding.UTF8.GetBytes(file.Text), writable: false)
        : paths.OpenRead(resolvedPath);

    public override SourceText ReadText(string resolvedPath) => Find(resolvedPath) is { } file
        ? SourceText.From(file.Text, Encoding.UTF8)
        : paths.ReadText(resolvedPath);

    public override bool Equals(object? other) => other is ScriptSourcesResolver r && ReferenceEquals(r.sources, sources) && r.paths.Equals(paths);

    public override int GetHashCode() => paths.GetHashCode();

    private ScriptFile? Find(string resolvedPath)
    {
        var full = Path.GetFullPath(resolvedPath);
        foreach (var file in sources.Files)
        {
            if (string.Equals(file.Path, full, StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }
}
