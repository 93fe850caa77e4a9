using System.CommandLine;
using CineForge.Farm;

namespace CineForge.Cli.Commands.Farm;

/// <summary>The settings of <c>cineforge farm status</c>, declared once with its option in <see cref="CommandLine"/>.</summary>
public sealed record FarmStatusSettings
{
    /// <summary>--farm: the farm's PostgreSQL connection string; null to take it from the environment (<see cref="FarmConnection"/>).</summary>
    public string? Farm { get; init; }

    /// <summary>The command line of <c>farm status</c>.</summary>
    public static CommandSettings<FarmStatusSettings> CommandLine() => new CommandSettings<FarmStatusSettings>(new FarmStatusSettings())
        .Add(new Option<string?>("--farm") { Description = "The farm's PostgreSQL connection string (default: " + FarmConnection.Variable + ", or the file named by " + FarmConnection.FileVariable + ")." }, (s, v) => s with { Farm = v });
}
