using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CineForge.Rules;

namespace CineForge.Hosting;

/// <summary>
/// Compiled films on disk, keyed by a hash of everything that made them: the script and every
/// file it loads (path and text), the local assemblies it references (content), the analyzers,
/// and the host itself (SDK, catalog, compiler builds). An unchanged film is never compiled twice.
/// Entries are written under a temporary name and renamed, the metadata last, so a reader never
/// sees half an entry.
/// </summary>
public sealed class ScriptCache
{
    /// <summary>Environment variable that moves the cache (default: <c>.cineforge/cache</c> next to the film).</summary>
    public const string DirectoryVariable = "CINEFORGE_CACHE";

    private const string FormatVersion = "cineforge-compile-cache/1";

    /// <summary>Creates a cache rooted at <paramref name="directory"/>.</summary>
    public ScriptCache(string directory) => Directory = Path.GetFullPath(directory);

    /// <summary>Where entries live.</summary>
    public string Directory { get; }

    /// <summary>The cache for the film at <paramref name="scriptPath"/>: <see cref="DirectoryVariable"/>, else <c>.cineforge/cache</c> beside it.</summary>
    public static ScriptCache For(string scriptPath)
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        return new ScriptCache(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scriptPath))!, ".cineforge", "cache")
            : configured);
    }

    /// <summary>The content hash of <paramref name="sources"/> compiled with <paramref name="analyzers"/> by this host.</summary>
    public static string KeyOf(ScriptSources sources, AnalyzerSet analyzers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));

        Add(FormatVersion);
        foreach (var assembly in new[] { typeof(ScriptCache).Assembly, typeof(Film).Assembly, typeof(RuleIds).Assembly, typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly })
        {
            Add(assembly.ManifestModule.ModuleVersionId.ToString());
        }

        Add(analyzers.Fingerprint);
        Add(sources.Kind.ToString());
        foreach (var file in sources.Files)
        {
            Add(file.Path);
            Add(file.Text);
        }

        foreach (var reference in sources.LocalReferences)
        {
            Add(reference);
            Add(HashOfFile(reference));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The entry stored under <paramref name="key"/>, or null when there is none (or it is unreadable).</summary>
    internal (IReadOnlyList<ScriptDiagnostic> Diagnostics, CompiledAssembly? Assembly)? TryRead(string key)
    {
        var metadataPath = PathOf(key, ".json");
        if (!File.Exists(metadataPath))
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllText(metadataPath), CacheJson.Default.CacheEntry);
            if (entry is null)
            {
                return null;
            }

            CompiledAssembly? assembly = null;
            if (entry.EntryType is not null && entry.EntryMethod is not null)
            {
                assembly = new CompiledAssembly(File.ReadAllBytes(PathOf(key, ".dll")), File.ReadAllBytes(PathOf(key, ".pdb")), entry.EntryType, entry.EntryMethod);
            }

            return (entry.Diagnostics.Select(d => d.ToDiagnostic()).ToList(), assembly);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry; a cache that cannot be written is skipped, never fatal.</summary>
    internal void Write(string key, IReadOnlyList<ScriptDiagnostic> diagnostics, CompiledAssembly? assembly)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            if (assembly is not null)
            {
                WriteAtomically(PathOf(key, ".dll"), assembly.Image);
                WriteAtomically(PathOf(key, ".pdb"), assembly.Symbols);
            }

            var entry = new CacheEntry(diagnostics.Select(StoredDiagnostic.From).ToList(), assembly?.EntryType, assembly?.EntryMethod);
            WriteAtomically(PathOf(key, ".json"), JsonSerializer.SerializeToUtf8Bytes(entry, CacheJson.Default.CacheEntry));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout still checks; it just compiles every time.
        }
    }

    /// <summary>
    /// The files and assemblies an earlier read of <paramref name="path"/> found, when the film's text
    /// is the same and every one of them still has the content it had; else null.
    /// </summary>
    internal (IReadOnlyList<(string Path, string Text)> Files, IReadOnlyList<string> References)? TryReadClosure(string path, FilmScriptKind kind, string text)
    {
        var manifestPath = PathOf(ClosureKey(path, kind, text), ".closure.json");
        if (!File.Exists(manifestPath))
        {
            return null;
        }

        try
        {
            var closure = JsonSerializer.Deserialize(File.ReadAllText(manifestPath), CacheJson.Default.Closure);
            if (closure is null || closure.Files.Count == 0 || closure.Files[0].Path != path)
            {
                return null;
            }

            var files = new List<(string Path, string Text)> { (path, text) };
            foreach (var file in closure.Files.Skip(1))
            {
                var content = File.ReadAllText(file.Path, Encoding.UTF8);
                if (Hash(content) != file.Hash)
                {
                    return null;
                }

                files.Add((file.Path, content));
            }

            if (closure.References.Any(r => HashOfFile(r.Path) != r.Hash))
            {
                return null;
            }

            return (files, closure.References.Select(r => r.Path).ToList());
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Remembers the closure of <paramref name="sources"/> (read without problems).</summary>
    internal void WriteClosure(ScriptSources sources)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var closure = new Closure(
                sources.Files.Select(f => new HashedPath(f.Path, Hash(f.Text))).ToList(),
                sources.LocalReferences.Select(r => new HashedPath(r, HashOfFile(r))).ToList());
            WriteAtomically(PathOf(ClosureKey(sources.MainPath, sources.Kind, sources.Files[0].Text), ".closure.json"), JsonSerializer.SerializeToUtf8Bytes(closure, CacheJson.Default.Closure));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not fatal: the next read parses again.
        }
    }

    private static string ClosureKey(string path, FilmScriptKind kind, string text) => Hash(FormatVersion + "\0closure\0" + kind + "\0" + path + "\0" + text);

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static string HashOfFile(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    private string PathOf(string key, string extension) => Path.Combine(Directory, key + extension);

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

}

/// <summary>A compile cache entry's metadata.</summary>
internal sealed record CacheEntry(List<StoredDiagnostic> Diagnostics, string? EntryType, string? EntryMethod);

/// <summary>The files and assemblies a film read pulled in, each with its content hash.</summary>
internal sealed record Closure(List<HashedPath> Files, List<HashedPath> References);

/// <summary>A path and the SHA-256 of its content.</summary>
internal sealed record HashedPath(string Path, string Hash);

/// <summary>A diagnostic as stored in the cache.</summary>
internal sealed record StoredDiagnostic(string? Id, RuleSeverity Severity, string Message, string? Path, int Line, int Column, DiagnosticOrigin Origin, string? HelpLink)
{
    public static StoredDiagnostic From(ScriptDiagnostic d) => new(d.Id, d.Severity, d.Message, d.Location?.Path, d.Location?.Line ?? 0, d.Location?.Column ?? 0, d.Origin, d.HelpLink);

    public ScriptDiagnostic ToDiagnostic() => new(Id, Severity, Message, Path is null ? null : new SourceSpot(Path, Line, Column), Origin, HelpLink);
}

/// <summary>Source-generated JSON for the cache: no reflection on the warm path.</summary>
[JsonSerializable(typeof(CacheEntry))]
[JsonSerializable(typeof(Closure))]
internal sealed partial class CacheJson : JsonSerializerContext
{
}
