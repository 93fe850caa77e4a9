using System.Collections.Immutable;
using System.Globalization;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace CineForge.Hosting;

/// <summary>Compiles a film (script or file-based app), runs the analyzers on the compilation, and emits it.</summary>
internal static class FilmCompiler
{
    // The implicit usings of a .NET 10 file-based app (Microsoft.NET.Sdk, ImplicitUsings=enable).
    private const string ImplicitUsings = "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\nglobal using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n";

    public static async Task<(IReadOnlyList<ScriptDiagnostic> Diagnostics, CompiledAssembly? Assembly)> CompileAsync(ScriptSources sources, AnalyzerSet analyzers, CancellationToken cancellationToken)
    {
        var compilation = CreateCompilation(sources);
        var found = await DiagnoseAsync(compilation, analyzers, cancellationToken).ConfigureAwait(false);
        var diagnostics = found.Select(d => Convert(d.Diagnostic, d.Origin, sources.MainPath)).OfType<ScriptDiagnostic>().ToList();
        var ordered = diagnostics.OrderBy(d => FileOrder(sources, d.Location?.Path)).ThenBy(d => d.Location?.Line).ThenBy(d => d.Location?.Column).ToList();
        // Analyzer errors still emit: check runs the declaration to report the rest of the plan.
        if (ordered.Any(d => d.IsError && d.Origin == DiagnosticOrigin.Compiler))
        {
            return (ordered, null);
        }

        // Only comments, directives and usings: there is no code to emit, so no film.
        if (sources.Files.All(f => f.Tree.GetRoot(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax { Members.Count: 0 }))
        {
            ordered.Add(ScriptDiagnostic.HostError("the script declares no film: it holds no code; " + NoFilmHint(sources.Kind), SourceSpot.StartOf(sources.MainPath)));
            return (ordered, null);
        }

        var (assembly, failures) = Emit(compilation, sources.MainPath, cancellationToken);
        ordered.AddRange(failures);
        return (ordered, assembly);
    }

    /// <summary>How a film declares itself, for "declares no film" errors.</summary>
    public static string NoFilmHint(FilmScriptKind kind) => kind == FilmScriptKind.Script
        ? "end it with `return Film.Titled(...)...;` or call `Films.Run(film)`"
        : "end it with `return Films.Run(film);`";

    /// <summary>
    /// The compilation of a film, as <c>check</c> and the language server both build it: a script
    /// (its <c>#load</c>ed files served from <paramref name="sources"/>) or a file-based app.
    /// </summary>
    public static Compilation CreateCompilation(ScriptSources sources) => sources.Kind == FilmScriptKind.Script ? ScriptCompilation(sources) : ProgramCompilation(sources);

    /// <summary>
    /// The compiler's diagnostics and, when none is an error, the analyzers' (analyzers reading a
    /// broken chain would add noise about a plan that does not exist yet). Unfiltered: see <see cref="Convert"/>.
    /// </summary>
    public static async Task<IReadOnlyList<(Diagnostic Diagnostic, DiagnosticOrigin Origin)>> DiagnoseAsync(Compilation compilation, AnalyzerSet analyzers, CancellationToken cancellationToken)
    {
        if (analyzers.Analyzers.IsEmpty)
        {
            return compilation.GetDiagnostics(cancellationToken).Select(d => (d, DiagnosticOrigin.Compiler)).ToList();
        }

        // One pass binds the film once for the compiler and the analyzers alike.
        var withAnalyzers = compilation.WithAnalyzers(analyzers.Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var found = all.Select(d => (Diagnostic: d, Origin: d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.Compiler) ? DiagnosticOrigin.Compiler : DiagnosticOrigin.Analyzer)).ToList();
        return found.Any(f => f.Origin == DiagnosticOrigin.Compiler && !f.Diagnostic.IsSuppressed && f.Diagnostic.Severity == DiagnosticSeverity.Error)
            ? found.Where(f => f.Origin == DiagnosticOrigin.Compiler).ToList()
            : found;
    }

    private static int FileOrder(ScriptSources sources, string? path)
    {
        for (var i = 0; i < sources.Files.Count; i++)
        {
            if (string.Equals(sources.Files[i].Path, path, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static Compilation ScriptCompilation(ScriptSources sources)
    {
        var directory = Path.GetDirectoryName(sources.MainPath)!;
        var options = ScriptOptions.Default
            .WithFilePath(sources.MainPath)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithLanguageVersion(LanguageVersion.Latest)
            // A script host gives every script the framework and, here, the SDK: a film needs no #r line.
            .WithReferences(FrameworkReferences.Get().AddRange(SdkReferenceResolver.SdkReferences))
            .WithImports(FilmScript.Imports)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithMetadataResolver(new SdkReferenceResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory)))
            .WithEmitDebugInformation(true);
        // #load reads the texts the sources hold (an editor's unsaved buffers, or what was read once from disk).
        return CSharpScript.Create<object>(sources.Files[0].Text, options.WithSourceResolver(new ScriptSourcesResolver(sources, options.SourceResolver))).GetCompilation();
    }

    private static Compilation ProgramCompilation(ScriptSources sources)
    {
        var usings = CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(ImplicitUsings, System.Text.Encoding.UTF8), ScriptSources.ParseOptionsFor(FilmScriptKind.FileBasedApp), sources.MainPath + ".GlobalUsings.g.cs");
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Debug, deterministic: true);
        return CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(sources.MainPath) + ".film",
            sources.Files.Select(f => f.Tree).Append(usings),
            FrameworkReferences.Get().AddRange(SdkReferenceResolver.SdkReferences),
            options);
    }

    private static (CompiledAssembly? Assembly, IReadOnlyList<ScriptDiagnostic> Failures) Emit(Compilation compilation, string mainPath, CancellationToken cancellationToken)
    {
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb), cancellationToken: cancellationToken);
        if (!result.Success)
        {
            // The compiler found no error before emitting, so what stops it here is a limit of the
            // film, not of the host: report it at the film like any compile error.
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => Convert(d, DiagnosticOrigin.Compiler, mainPath)).OfType<ScriptDiagnostic>().ToList();
            return (null, errors.Count > 0 ? errors : new[] { ScriptDiagnostic.HostError("the compiler could not emit the film and gave no reason", SourceSpot.StartOf(mainPath)) });
        }

        if (compilation.GetEntryPoint(cancellationToken) is not { } entry)
        {
            return (null, new[] { ScriptDiagnostic.HostError("the film has no entry point: " + NoFilmHint(compilation.Options.OutputKind == OutputKind.ConsoleApplication ? FilmScriptKind.FileBasedApp : FilmScriptKind.Script), SourceSpot.StartOf(mainPath)) });
        }

        return (new CompiledAssembly(image.ToArray(), symbols.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName), Array.Empty<ScriptDiagnostic>());
    }

    /// <summary>A Roslyn diagnostic as a script diagnostic; null for hidden or suppressed ones.</summary>
    public static ScriptDiagnostic? Convert(Diagnostic diagnostic, DiagnosticOrigin origin, string mainPath)
    {
        if (diagnostic.IsSuppressed)
        {
            return null;
        }

        RuleSeverity? severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => RuleSeverity.Error,
            DiagnosticSeverity.Warning => RuleSeverity.Warning,
            DiagnosticSeverity.Info => RuleSeverity.Info,
            _ => null,
        };
        if (severity is null)
        {
            return null;
        }

        SourceSpot location = SourceSpot.StartOf(mainPath);
        if (diagnostic.Location.IsInSource)
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            location = new SourceSpot(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        var help = string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri;
        return new ScriptDiagnostic(diagnostic.Id, severity.Value, diagnostic.GetMessage(CultureInfo.InvariantCulture), location, origin, help);
    }
}
