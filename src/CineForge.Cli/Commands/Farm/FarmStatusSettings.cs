namespace CineForge.Cli.Commands.Farm;

/// <summary>The settings of <c>cineforge farm status</c>.</summary>
public sealed record FarmStatusSettings
{
    /// <summary>--farm: the farm's PostgreSQL connection string; null to take it from the environment (<see cref="CineForge.Farm.FarmConnection"/>).</summary>
    public string? Farm { get; init; }
}
