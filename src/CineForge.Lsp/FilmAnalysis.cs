using System.Text;
using CineForge.Hosting;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using LspDiagnostic = CineForge.Lsp.Protocol.Diagnostic;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace CineForge.Lsp;

/// <summary>A diagnostic as published, with the Roslyn diagnostic behind it (null for host errors), for code fixes.</summary>
internal sealed record PublishedDiagnostic(LspDiagnostic Diagnostic, RoslynDiagnostic? Source);

/// <summary>
/// One film as the server last analysed it: the closure read from the editor's texts, its
/// compilation and the diagnostics of each of its files, exactly as <c>cineforge check --static</c>
/// finds them (the same compilation, analyzers, conversion and .editorconfig severities).
/// </summary>
internal sealed class FilmAnalysis
{
    private FilmAnalysis(ScriptSources sources, Compilation? compilation, IReadOnlyDictionary<string, IReadOnlyList<PublishedDiagnostic>> byPath)
    {
        Sources = sources;
        Compilation = compilation;
        ByPath = byPath;
    }

    /// <summary>Full path of the film.</summary>
    public string MainPath => Sources.MainPath;

    /// <summary>The film and the files it loads, with the texts analysed.</summary>
    public ScriptSources Sources { get; }

    /// <summary>The compilation; null when the closure has host errors (nothing is compiled then, as in check).</summary>
    public Compilation? Compilation { get; }

    /// <summary>The diagnostics of each file of the film (empty lists for clean files, so they are cleared).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PublishedDiagnostic>> ByPath { get; }

    /// <summary>How the compilation was made: "full", "incremental" (one tree replaced) or "none".</summary>
    public string Build { get; private init; } = "none";

    /// <summary>True when <paramref name="path"/> is the film or a file it loads.</summary>
    public bool Contains(string path) => Sources.Files.Any(f => string.Equals(f.Path, path, StringComparison.Ordinal));

    /// <summary>The syntax tree of <paramref name="path"/> in the compilation, if any.</summary>
    public SyntaxTree? TreeOf(string path) => Compilation?.SyntaxTrees.FirstOrDefault(t => string.Equals(t.FilePath, path, StringComparison.Ordinal));

    /// <summary>
    /// Analyses the film at <paramref name="mainPath"/> from <paramref name="texts"/> (files not there are read from disk).
    /// When only the film's own text changed since <paramref name="previous"/>, the previous compilation is kept and
    /// its tree replaced; otherwise the compilation is built again through the host's compile path.
    /// </summary>
    public static async Task<FilmAnalysis> AnalyzeAsync(string mainPath, IReadOnlyDictionary<string, string> texts, FilmAnalysis? previous, AnalyzerSet analyzers, CancellationToken cancellationToken)
    {
        var sources = ScriptSources.FromTexts(mainPath, texts);
        var policy = SeverityPolicy.For(sources.MainPath, warningsAsErrors: false);
        var byPath = sources.Files.ToDictionary(f => f.Path, _ => new List<PublishedDiagnostic>(), StringComparer.Ordinal);
        byPath.TryAdd(sources.MainPath, new List<PublishedDiagnostic>());
        if (sources.Problems.Count > 0)
        {
            foreach (var problem in policy.Apply(sources.Problems))
            {
                var path = problem.Location?.Path is { } p && byPath.ContainsKey(p) ? p : sources.MainPath;
                byPath[path].Add(new PublishedDiagnostic(HostDiagnostic(problem, TextOf(sources, texts, path)), null));
            }

            return new FilmAnalysis(sources, null, Freeze(byPath));
        }

        var reused = Reuse(previous, sources);
        var compilation = reused ?? FilmCompiler.CreateCompilation(sources);
        var found = await FilmCompiler.DiagnoseAsync(compilation, analyzers, cancellationToken).ConfigureAwait(false);
        foreach (var (diagnostic, origin) in found)
        {
            // The conversion and re-grading of check, one diagnostic at a time so the span stays with it.
            if (FilmCompiler.Convert(diagnostic, origin, sources.MainPath) is not { } converted || policy.Apply(new[] { converted }) is not [var graded])
            {
                continue;
            }

            var inSource = diagnostic.Location.IsInSource && byPath.ContainsKey(diagnostic.Location.GetMappedLineSpan().Path);
            var path = inSource ? diagnostic.Location.GetMappedLineSpan().Path : sources.MainPath;
            var range = inSource ? DocumentPaths.RangeOf(diagnostic.Location.GetMappedLineSpan().Span) : new Protocol.Range(new(0, 0), new(0, 0));
            byPath[path].Add(new PublishedDiagnostic(
                new LspDiagnostic
                {
                    Range = range,
                    Severity = SeverityOf(graded.Severity),
                    Code = graded.Id,
                    CodeDescription = graded.HelpLink is { } link ? new Protocol.CodeDescription(link) : null,
                    Source = "cineforge",
                    Message = graded.Message,
                },
                diagnostic));
        }

        return new FilmAnalysis(sources, compilation, Freeze(byPath)) { Build = reused is null ? "full" : "incremental" };
    }

    // The previous compilation with the film's tree replaced, when nothing else changed: the same
    // files loaded with the same texts and the same local references.
    private static Compilation? Reuse(FilmAnalysis? previous, ScriptSources sources)
    {
        if (previous?.Compilation is not { } compilation || previous.Sources.Kind != sources.Kind || previous.Sources.Files.Count != sources.Files.Count
            || !previous.Sources.LocalReferences.SequenceEqual(sources.LocalReferences, StringComparer.Ordinal))
        {
            return null;
        }

        for (var i = 0; i < sources.Files.Count; i++)
        {
            if (!string.Equals(previous.Sources.Files[i].Path, sources.Files[i].Path, StringComparison.Ordinal)
                || (i > 0 && !string.Equals(previous.Sources.Files[i].Text, sources.Files[i].Text, StringComparison.Ordinal)))
            {
                return null;
            }
        }

        if (previous.TreeOf(sources.MainPath) is not { } oldTree)
        {
            return null;
        }

        var newText = SourceText.From(sources.Files[0].Text, Encoding.UTF8);
        return compilation.ReplaceSyntaxTree(oldTree, oldTree.WithChangedText(newText));
    }

    private static LspDiagnostic HostDiagnostic(ScriptDiagnostic problem, string? text)
    {
        var line = Math.Max(0, (problem.Location?.Line ?? 1) - 1);
        var column = Math.Max(0, (problem.Location?.Column ?? 1) - 1);
        var end = column;
        if (text is not null)
        {
            var lines = SourceText.From(text).Lines;
            if (line < lines.Count)
            {
                end = Math.Max(column, lines[line].End - lines[line].Start);
            }
        }

        return new LspDiagnostic
        {
            Range = new Protocol.Range(new(line, column), new(line, end)),
            Severity = SeverityOf(problem.Severity),
            Code = problem.Id,
            Source = "cineforge",
            Message = problem.Message,
        };
    }

    private static string? TextOf(ScriptSources sources, IReadOnlyDictionary<string, string> texts, string path) =>
        sources.Files.FirstOrDefault(f => f.Path == path)?.Text ?? (texts.TryGetValue(path, out var text) ? text : null);

    private static int SeverityOf(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => Protocol.DiagnosticSeverity.Error,
        RuleSeverity.Warning => Protocol.DiagnosticSeverity.Warning,
        _ => Protocol.DiagnosticSeverity.Information,
    };

    private static IReadOnlyDictionary<string, IReadOnlyList<PublishedDiagnostic>> Freeze(Dictionary<string, List<PublishedDiagnostic>> byPath) =>
        byPath.ToDictionary(p => p.Key, p => (IReadOnlyList<PublishedDiagnostic>)p.Value, StringComparer.Ordinal);
}
