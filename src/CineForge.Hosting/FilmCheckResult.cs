namespace CineForge.Hosting;

/// <summary>What checking a film found: the films it declares and every diagnostic, compiler to validation.</summary>
public sealed class FilmCheckResult
{
    internal FilmCheckResult(string path, ScriptSources? sources, IReadOnlyList<Film> films, IReadOnlyList<ScriptDiagnostic> diagnostics, bool compiledFromCache, bool ran)
    {
        Path = path;
        Sources = sources;
        Films = films;
        Diagnostics = diagnostics;
        CompiledFromCache = compiledFromCache;
        Ran = ran;
    }

    /// <summary>Full path of the film file.</summary>
    public string Path { get; }

    /// <summary>The film file and what it loads; null when it could not be read.</summary>
    public ScriptSources? Sources { get; }

    /// <summary>The films the script declares (empty when it did not compile or run, or in static mode).</summary>
    public IReadOnlyList<Film> Films { get; }

    /// <summary>
    /// Host, compiler and analyzer diagnostics sorted by file and position, then each film's
    /// validation diagnostics in validation order; severities after .editorconfig and --warnaserror.
    /// </summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>True when compilation was skipped because the cache held this exact film.</summary>
    public bool CompiledFromCache { get; }

    /// <summary>True when the script's code ran.</summary>
    public bool Ran { get; }

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
