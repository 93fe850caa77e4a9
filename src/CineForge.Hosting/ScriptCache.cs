using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

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
            Add(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(reference))));
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
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(metadataPath), JsonOptions);
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

            var entry = new Entry(diagnostics.Select(StoredDiagnostic.From).ToList(), assembly?.EntryType, assembly?.EntryMethod);
            WriteAtomically(PathOf(key, ".json"), JsonSerializer.SerializeToUtf8Bytes(entry, JsonOptions));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout still checks; it just compiles every time.
        }
    }

    private string PathOf(string key, string extension) => Path.Combine(Directory, key + extension);

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Entry(List<StoredDiagnostic> Diagnostics, string? EntryType, string? EntryMethod);

    private sealed record StoredDiagnostic(string? Id, RuleSeverity Severity, string Message, string? Path, int Line, int Column, DiagnosticOrigin Origin, string? HelpLink)
    {
        public static StoredDiagnostic From(ScriptDiagnostic d) => new(d.Id, d.Severity, d.Message, d.Location?.Path, d.Location?.Line ?? 0, d.Location?.Column ?? 0, d.Origin, d.HelpLink);

        public ScriptDiagnostic ToDiagnostic() => new(Id, Severity, Message, Path is null ? null : new SourceSpot(Path, Line, Column), Origin, HelpLink);
    }
}
