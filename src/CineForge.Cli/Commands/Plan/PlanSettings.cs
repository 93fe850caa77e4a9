namespace CineForge.Cli.Commands.Plan;

/// <summary>The settings of <c>cineforge plan</c>.</summary>
public sealed record PlanSettings
{
    /// <summary>The film: a .csx, a .cs, or a folder holding film.csx / film.cs.</summary>
    public required string Film { get; init; }

    /// <summary>--json: write the settings log (the plan as JSON) instead of tables.</summary>
    public bool Json { get; init; }

    /// <summary>--verbose.</summary>
    public bool Verbose { get; init; }

    /// <summary>--no-progress.</summary>
    public bool NoProgress { get; init; }

    /// <summary>--no-cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>--script-timeout: how long the film's script may run.</summary>
    public TimeSpan RunTimeout { get; init; } = Hosting.FilmCheckOptions.DefaultRunTimeout;
}
