using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CineForge.Hosting;

/// <summary>One source file of a film: the main script or a file it <c>#load</c>s.</summary>
public sealed class ScriptFile
{
    private readonly Lazy<SyntaxTree> tree;

    internal ScriptFile(string path, string text, FilmScriptKind kind, SyntaxTree? parsed = null)
    {
        Path = path;
        Text = text;
        tree = parsed is null
            ? new Lazy<SyntaxTree>(() => CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), ScriptSources.ParseOptionsFor(kind), path))
            : new Lazy<SyntaxTree>(parsed);
    }

    /// <summary>Full path.</summary>
    public string Path { get; }

    /// <summary>Its text, as read once (the hash, the compilation and the locator all use this copy).</summary>
    public string Text { get; }

    /// <summary>Its syntax tree, parsed on first use (a cached film that validates clean is never parsed).</summary>
    public SyntaxTree Tree => tree.Value;
}

/// <summary>
/// A film script and everything it pulls in, read once and checked before compilation:
/// the <c>#load</c> closure (cycles and missing files reported at their directive), local
/// <c>#r</c> assemblies, and package references (only the SDK the host carries resolves).
/// </summary>
public sealed class ScriptSources
{
    private ScriptSources(string mainPath, FilmScriptKind kind, IReadOnlyList<ScriptFile> files, IReadOnlyList<string> localReferences, IReadOnlyList<ScriptDiagnostic> problems)
    {
        MainPath = mainPath;
        Kind = kind;
        Files = files;
        LocalReferences = localReferences;
        Problems = problems;
    }

    /// <summary>Full path of the film file.</summary>
    public string MainPath { get; }

    /// <summary>Script (.csx) or file-based app (.cs).</summary>
    public FilmScriptKind Kind { get; }

    /// <summary>The main file first, then loaded files in load order.</summary>
    public IReadOnlyList<ScriptFile> Files { get; }

    /// <summary>Full paths of the local assemblies referenced with <c>#r "x.dll"</c>.</summary>
    public IReadOnlyList<string> LocalReferences { get; }

    /// <summary>Errors found before compiling; when any, the script is not compiled.</summary>
    public IReadOnlyList<ScriptDiagnostic> Problems { get; }

    /// <summary>Parse options of the kind: scripts, or regular files with <c>#:</c> directives allowed.</summary>
    public static CSharpParseOptions ParseOptionsFor(FilmScriptKind kind) => kind == FilmScriptKind.Script
        ? new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)
        : new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Regular).WithFeatures(new[] { new KeyValuePair<string, string>("FileBasedProgram", "true") });

    /// <summary>Reads <paramref name="path"/> and its closure.</summary>
    /// <param name="path">The film file.</param>
    /// <param name="cache">
    /// Where the closure of an earlier read is remembered: when every file it listed still has the
    /// same content, the closure is reused without parsing anything.
    /// </param>
    /// <exception cref="FileNotFoundException">The film file itself does not exist.</exception>
    public static ScriptSources Read(string path, ScriptCache? cache = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"{path}: file not found.", full);
        }

        var kind = FilmScriptKinds.Of(full) ?? FilmScriptKind.Script;
        var mainText = File.ReadAllText(full, Encoding.UTF8);
        if (cache?.TryReadClosure(full, kind, mainText) is { } known)
        {
            var files = known.Files.Select(f => new ScriptFile(f.Path, f.Text, kind)).ToList();
            return new ScriptSources(full, kind, files, known.References, Array.Empty<ScriptDiagnostic>());
        }

        var reader = new Reader(kind, ReadFile);
        reader.Visit(full, new List<string>(), null);
        var sources = new ScriptSources(full, kind, reader.Files, reader.References, reader.Problems);
        if (sources.Problems.Count == 0)
        {
            cache?.WriteClosure(sources);
        }

        return sources;
    }

    /// <summary>
    /// The closure of <paramref name="mainPath"/> read from in-memory texts, checked like <see cref="Read"/>:
    /// a file <paramref name="texts"/> holds (by full path) is taken from there, any other from disk.
    /// An editor passes its open buffers, so unsaved edits of the film or of a file it loads are seen.
    /// </summary>
    /// <exception cref="FileNotFoundException">The film is neither in <paramref name="texts"/> nor on disk.</exception>
    public static ScriptSources FromTexts(string mainPath, IReadOnlyDictionary<string, string> texts)
    {
        var full = System.IO.Path.GetFullPath(mainPath);
        string? ReadText(string path) => texts.TryGetValue(path, out var text) ? text : ReadFile(path);
        if (ReadText(full) is null)
        {
            throw new FileNotFoundException($"{mainPath}: file not found.", full);
        }

        var kind = FilmScriptKinds.Of(full) ?? FilmScriptKind.Script;
        var reader = new Reader(kind, ReadText);
        reader.Visit(full, new List<string>(), null);
        return new ScriptSources(full, kind, reader.Files, reader.References, reader.Problems);
    }

    private static string? ReadFile(string path) => File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;

    private sealed class Reader(FilmScriptKind kind, Func<string, string?> readText)
    {
        public List<ScriptFile> Files { get; } = new();

        public List<string> References { get; } = new();

        public List<ScriptDiagnostic> Problems { get; } = new();

        private readonly HashSet<string> visited = new(StringComparer.Ordinal);

        public void Visit(string path, List<string> stack, SourceSpot? directive)
        {
            if (stack.Contains(path, StringComparer.Ordinal))
            {
                var cycle = stack.SkipWhile(p => p != path).Append(path).Select(System.IO.Path.GetFileName);
                Problems.Add(ScriptDiagnostic.HostError("#load cycle: " + string.Join(" -> ", cycle), directive));
                return;
            }

            if (!visited.Add(path))
            {
                return;
            }

            if (readText(path) is not { } text)
            {
                Problems.Add(ScriptDiagnostic.HostError($"#load: file not found: {path}", directive));
                return;
            }

            var tree = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), ParseOptionsFor(kind), path);
            Files.Add(new ScriptFile(path, text, kind, tree));
            var root = (CompilationUnitSyntax)tree.GetRoot();
            var directory = System.IO.Path.GetDirectoryName(path)!;

            if (kind == FilmScriptKind.FileBasedApp)
            {
                ReadIgnoredDirectives(tree, text);
                return;
            }

            foreach (var reference in root.GetReferenceDirectives())
            {
                ReadReference(reference.File.ValueText, directory, Spot(reference));
            }

            stack.Add(path);
            foreach (var load in root.GetLoadDirectives())
            {
                Visit(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, load.File.ValueText)), stack, Spot(load));
            }

            stack.RemoveAt(stack.Count - 1);
        }

        private void ReadReference(string reference, string directory, SourceSpot spot)
        {
            var package = SdkReferenceResolver.PackageId(reference);
            if (package is not null)
            {
                CheckPackage(package, SdkReferenceResolver.PackageVersion(reference), spot);
                return;
            }

            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, reference));
            if (File.Exists(full))
            {
                References.Add(full);
            }
            else if (System.IO.Path.IsPathRooted(reference) || reference.Contains('/') || reference.Contains('\\') || reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                Problems.Add(ScriptDiagnostic.HostError($"#r: assembly not found: {reference}", spot));
            }

            // Anything else ("System.Xml") is a framework assembly name the default resolver handles.
        }

        private void CheckPackage(string package, string? version, SourceSpot spot)
        {
            if (!string.Equals(package, SdkReferenceResolver.SdkPackageId, StringComparison.OrdinalIgnoreCase))
            {
                Problems.Add(ScriptDiagnostic.HostError(
                    $"package '{package}' is not available: cineforge resolves only '{SdkReferenceResolver.SdkPackageId}', the SDK it carries; reference a local assembly with #r \"path/to/assembly.dll\" instead",
                    spot));
            }
            else if (version is not null && !SdkVersionSpec.Allows(version, SdkReferenceResolver.SdkVersion))
            {
                // A film pinned to another SDK would compile against this one's API and rules and
                // render with its defaults: other bytes from the same commit. Say so instead.
                Problems.Add(ScriptDiagnostic.HostError(
                    $"{SdkReferenceResolver.SdkPackageId} {version} is asked for, but this cineforge carries {SdkReferenceResolver.SdkPackageId} {SdkReferenceResolver.SdkVersion}; use the cineforge of that version, or reference {SdkReferenceResolver.SdkVersion}",
                    spot));
            }
        }

        // File-based apps: "#:package Name@Version", "#:sdk", "#:property", "#:project" at the top of the file.
        private void ReadIgnoredDirectives(SyntaxTree tree, string text)
        {
            var lines = SourceText.From(text).Lines;
            foreach (var line in lines)
            {
                var content = line.ToString().Trim();
                if (!content.StartsWith("#:", StringComparison.Ordinal))
                {
                    continue;
                }

                var position = tree.GetLineSpan(new TextSpan(line.Start + line.ToString().IndexOf('#'), 0)).StartLinePosition;
                var spot = new SourceSpot(tree.FilePath, position.Line + 1, position.Character + 1);
                var parts = content.Substring(2).Trim().Split(new[] { ' ', '\t' }, 2, StringSplitOptions.RemoveEmptyEntries);
                var directive = parts.Length > 0 ? parts[0] : string.Empty;
                var argument = parts.Length > 1 ? parts[1].Trim() : string.Empty;
                switch (directive)
                {
                    case "package":
                        var at = argument.IndexOf('@');
                        CheckPackage(at < 0 ? argument.Trim() : argument[..at].Trim(), at < 0 || argument[(at + 1)..].Trim().Length == 0 ? null : argument[(at + 1)..].Trim(), spot);
                        break;
                    case "project" when !argument.Contains(SdkReferenceResolver.SdkPackageId, StringComparison.OrdinalIgnoreCase):
                        Problems.Add(ScriptDiagnostic.HostError($"#:project {argument}: cineforge builds no projects; reference the SDK with #:package {SdkReferenceResolver.SdkPackageId}@{SdkPackage.Request}", spot));
                        break;
                }
            }
        }

        private static SourceSpot Spot(SyntaxNode node)
        {
            var span = node.GetLocation().GetLineSpan();
            return new SourceSpot(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }
    }
}
