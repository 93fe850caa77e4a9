namespace CineForge.Cli.Commands.Farm;

/// <summary>The settings of <c>cineforge farm status</c>.</summary>
public sealed record FarmStatusSettings
{
    /// <summary>--farm: the farm's PostgreSQL connection string.</summary>
    public required string Farm { get; init; }
}
