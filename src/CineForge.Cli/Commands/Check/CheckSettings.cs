namespace CineForge.Cli.Commands.Check;

/// <summary>How diagnostics are written.</summary>
public enum DiagnosticFormat
{
    /// <summary>Compiler-style lines.</summary>
    Text,

    /// <summary>A SARIF 2.1.0 log.</summary>
    Sarif,
}

/// <summary>The settings of <c>cineforge check</c>.</summary>
public sealed record CheckSettings
{
    /// <summary>The film: a .csx, a .cs, or a folder holding film.csx / film.cs.</summary>
    public required string Film { get; init; }

    /// <summary>--static: compile and analyze without running any script code.</summary>
    public bool Static { get; init; }

    /// <summary>--warnaserror: every warning fails the check.</summary>
    public bool WarnAsError { get; init; }

    /// <summary>--format text|sarif.</summary>
    public DiagnosticFormat Format { get; init; }

    /// <summary>--output FILE: where the SARIF log goes (default: standard output).</summary>
    public string? Output { get; init; }

    /// <summary>--watch: check again whenever the film or a file it loads changes.</summary>
    public bool Watch { get; init; }

    /// <summary>--verbose.</summary>
    public bool Verbose { get; init; }

    /// <summary>--no-progress.</summary>
    public bool NoProgress { get; init; }

    /// <summary>--no-cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>--script-timeout: how long the film's script may run.</summary>
    public TimeSpan RunTimeout { get; init; } = Hosting.FilmCheckOptions.DefaultRunTimeout;
}
