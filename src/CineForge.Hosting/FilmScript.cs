using System.Collections.Immutable;
using CineForge.Rules;
using CineForge.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CineForge.Hosting;

/// <summary>Thrown when a film script cannot be compiled or run; carries its diagnostics.</summary>
public sealed class FilmScriptException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FilmScriptException(string message, IReadOnlyList<ScriptDiagnostic>? diagnostics = null, Exception? inner = null)
        : base(message, inner) => Diagnostics = diagnostics ?? Array.Empty<ScriptDiagnostic>();

    /// <summary>The diagnostics that stopped the film.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }
}

/// <summary>
/// The film host: reads a film (<c>film.csx</c> script or <c>film.cs</c> file-based app), compiles
/// it (cached by content hash), runs the analyzers on its compilation, runs it, and validates the
/// films it declares.
/// </summary>
public static class FilmScript
{
    /// <summary>
    /// Namespaces a film script sees without a using: the dotnet-script dialect's (System, System.IO,
    /// System.Collections.Generic, System.Diagnostics, System.Linq, System.Text, System.Threading.Tasks)
    /// and CineForge.
    /// </summary>
    public static readonly ImmutableArray<string> Imports = ImmutableArray.Create("System", "System.IO", "System.Collections.Generic", "System.Diagnostics", "System.Linq", "System.Text", "System.Threading.Tasks", "CineForge");

    /// <summary>Reads, compiles and analyzes <paramref name="path"/>, or takes the result from the cache. Runs no script code.</summary>
    /// <exception cref="FileNotFoundException">The film file does not exist.</exception>
    public static async Task<CompiledFilmScript> CompileAsync(string path, AnalyzerSet? analyzers = null, ScriptCache? cache = null, CancellationToken cancellationToken = default)
    {
        var sources = ScriptSources.Read(path, cache);
        analyzers ??= AnalyzerSet.CineForge;
        if (sources.Problems.Count > 0)
        {
            return new CompiledFilmScript(sources, sources.Problems, null, fromCache: false);
        }

        var key = cache is null ? null : ScriptCache.KeyOf(sources, analyzers);
        if (cache is not null && cache.TryRead(key!) is { } hit)
        {
            return new CompiledFilmScript(sources, hit.Diagnostics, hit.Assembly, fromCache: true);
        }

        var (diagnostics, assembly) = await FilmCompiler.CompileAsync(sources, analyzers, cancellationToken).ConfigureAwait(false);
        cache?.Write(key!, diagnostics, assembly);
        return new CompiledFilmScript(sources, diagnostics, assembly, fromCache: false);
    }

    /// <summary>Runs a compiled film and returns the films it declares.</summary>
    /// <exception cref="FilmScriptException">The film did not compile, threw, or declares no film.</exception>
    public static async Task<IReadOnlyList<Film>> RunAsync(CompiledFilmScript compiled, CancellationToken cancellationToken = default)
    {
        if (compiled.Assembly is null)
        {
            throw new FilmScriptException($"{compiled.Sources.MainPath}: the script does not compile.", compiled.Diagnostics.Where(d => d.IsError).ToList());
        }

        var (films, failure) = await ScriptRunner.RunAsync(compiled, FilmCheckOptions.DefaultRunTimeout, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            throw new FilmScriptException($"{compiled.Sources.MainPath}: {failure.Message}", new[] { failure }, failure.Exception);
        }

        return films;
    }

    /// <summary>Compiles (no cache, default analyzers) and runs the film at <paramref name="path"/>; returns the films it declares.</summary>
    /// <exception cref="FilmScriptException">The file is missing, does not compile, throws, or declares no film.</exception>
    public static async Task<IReadOnlyList<Film>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FilmScriptException($"{path}: file not found.");
        }

        return await RunAsync(await CompileAsync(path, AnalyzerSet.None, cache: null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Everything <c>cineforge check</c> does: compile and analyze (cached), then, unless
    /// <see cref="FilmCheckOptions.StaticOnly"/>, run the script and validate each film it declares.
    /// Validation diagnostics point at the shot that caused them (see <see cref="PlanLocator"/>);
    /// one that repeats an analyzer diagnostic of the same rule on the same source is dropped.
    /// </summary>
    /// <exception cref="FileNotFoundException">The film file does not exist.</exception>
    public static async Task<FilmCheckResult> CheckAsync(string path, FilmCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FilmCheckOptions();
        var cache = options.UseCache ? options.Cache ?? ScriptCache.For(path) : null;
        var compiled = await CompileAsync(path, options.Analyzers, cache, cancellationToken).ConfigureAwait(false);
        var sources = compiled.Sources;
        var policy = SeverityPolicy.For(sources.MainPath, options.WarningsAsErrors);
        var diagnostics = policy.Apply(compiled.Diagnostics).ToList();
        // Analyzer errors do not stop the declaration from running: check reports every problem at
        // once, and an analyzer sees only constants. Only a film that did not compile cannot run.
        if (compiled.Assembly is null || options.StaticOnly)
        {
            return new FilmCheckResult(sources.MainPath, sources, Array.Empty<Film>(), diagnostics, compiled.FromCache, ran: false);
        }

        var (films, failure) = await ScriptRunner.RunAsync(compiled, options.RunTimeout, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            diagnostics.Add(failure);
            return new FilmCheckResult(sources.MainPath, sources, films, diagnostics, compiled.FromCache, ran: true);
        }

        diagnostics.AddRange(policy.Apply(Validate(films, sources, compiled.Diagnostics, options.Assets, cancellationToken)));
        return new FilmCheckResult(sources.MainPath, sources, films, diagnostics, compiled.FromCache, ran: true);
    }

    private static IEnumerable<ScriptDiagnostic> Validate(IReadOnlyList<Film> films, ScriptSources sources, IReadOnlyList<ScriptDiagnostic> compiled, Func<Film, string, CancellationToken, IReadOnlyList<PlanDiagnostic>>? assets, CancellationToken cancellationToken)
    {
        // Parsed only when a film has something to report: a clean cached film is never parsed.
        var locator = new Lazy<PlanLocator>(() => new PlanLocator(sources));
        var folder = Path.GetDirectoryName(Path.GetFullPath(sources.MainPath))!;
        foreach (var film in films)
        {
            foreach (var plan in film.Validate().Concat(assets?.Invoke(film, folder, cancellationToken) ?? []))
            {
                var located = locator.Value.Locate(film, plan);
                var tree = located is { } found ? sources.Files.FirstOrDefault(f => f.Path == found.Path)?.Tree : null;
                if (located is { } at && tree is not null && compiled.Any(d => d.Origin == DiagnosticOrigin.Analyzer && d.Id == plan.RuleId && Covers(tree, at.Extent, d.Location)))
                {
                    continue;
                }

                yield return new ScriptDiagnostic(plan.RuleId, plan.Severity, plan.Message, located?.Spot ?? SourceSpot.StartOf(sources.MainPath), DiagnosticOrigin.Validation, plan.Rule.HelpLink);
            }
        }
    }

    private static bool Covers(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan extent, SourceSpot? spot)
    {
        if (spot is null || !string.Equals(spot.Path, tree.FilePath, StringComparison.Ordinal))
        {
            return false;
        }

        var lines = tree.GetText().Lines;
        if (spot.Line - 1 >= lines.Count)
        {
            return false;
        }

        var position = lines[spot.Line - 1].Start + spot.Column - 1;
        return extent.Contains(position);
    }
}
