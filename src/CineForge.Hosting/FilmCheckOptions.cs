namespace CineForge.Hosting;

/// <summary>How <see cref="FilmScript.CheckAsync"/> treats a film.</summary>
public sealed record FilmCheckOptions
{
    /// <summary>The analyzers run on the compilation (default: the CineForge analyzers the host ships).</summary>
    public AnalyzerSet? Analyzers { get; init; }

    /// <summary>Compile and analyze only: no script code runs, so no plan is validated (for untrusted changes).</summary>
    public bool StaticOnly { get; init; }

    /// <summary>Turn every warning into an error (after .editorconfig).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Where compiled films are cached; null for <see cref="ScriptCache.For"/>.</summary>
    public ScriptCache? Cache { get; init; }

    /// <summary>
    /// How long the film's script may run before it is stopped (default <see cref="DefaultRunTimeout"/>):
    /// declaring a film takes milliseconds, so a script still running after this loops or waits forever.
    /// </summary>
    public TimeSpan RunTimeout { get; init; } = DefaultRunTimeout;

    /// <summary>30 s: the default <see cref="RunTimeout"/>.</summary>
    public static readonly TimeSpan DefaultRunTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks the asset files each film names (film, the film's folder → findings with
    /// <see cref="Validation.PlanDiagnostic.AssetPath"/>), run after validation; none when null. The host
    /// opens no media itself: the command passes the finishing library's check.
    /// </summary>
    public Func<Film, string, CancellationToken, IReadOnlyList<Validation.PlanDiagnostic>>? Assets { get; init; }

    /// <summary>False to compile every time.</summary>
    public bool UseCache { get; init; } = true;
}
