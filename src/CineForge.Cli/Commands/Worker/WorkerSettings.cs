using System.CommandLine;
using CineForge.Farm;

namespace CineForge.Cli.Commands.Worker;

/// <summary>The settings of <c>cineforge worker</c>, each declared once with its option in <see cref="CommandLine"/>.</summary>
public sealed record WorkerSettings
{
    /// <summary>--farm: the farm's PostgreSQL connection string; null to take it from the environment (<see cref="FarmConnection"/>).</summary>
    public string? Farm { get; init; }

    /// <summary>--queues gpu,cpu: the queues this worker takes (default: all).</summary>
    public IReadOnlyList<string> Queues { get; init; } = FarmQueues.All;

    /// <summary>--models DIR: the model folder of the render backends (the previz backends need none).</summary>
    public string? Models { get; init; }

    /// <summary>--name: the worker's name in status (default: host name and process id).</summary>
    public string? Name { get; init; }

    /// <summary>--lease SECONDS (at least 1): how long a job of a worker that stopped answering stays hidden from other workers; null for the farm's default.</summary>
    public int? LeaseSeconds { get; init; }

    /// <summary>The command line of <c>worker</c>: each option once, with the setting it stores.</summary>
    public static CommandSettings<WorkerSettings> CommandLine() => new CommandSettings<WorkerSettings>(new WorkerSettings())
        .Add(new Option<string?>("--farm") { Description = "The farm's PostgreSQL connection string, e.g. \"Host=db;Database=cineforge;Username=farm\" (default: " + FarmConnection.Variable + ", or the file named by " + FarmConnection.FileVariable + ")." }, (s, v) => s with { Farm = v })
        .Add(new Option<IReadOnlyList<string>?>("--queues") { Description = "Queues this worker takes: gpu (keyframe and animate jobs), cpu (select and finish jobs) or gpu,cpu (default: all).", CustomParser = ParseQueues }, (s, v) => s with { Queues = v ?? FarmQueues.All })
        .Add(new Option<string?>("--models") { Description = "Model folder of the render backends (the previz backends need none)." }, (s, v) => s with { Models = v })
        .Add(new Option<string?>("--name") { Description = "Name shown in farm status (default: host name and process id)." }, (s, v) => s with { Name = v })
        .Add(new Option<int?>("--lease") { Description = "Seconds a job of a worker that stopped answering stays hidden from other workers (default 300).", CustomParser = r => OptionValues.AtLeast(r, 1) }, (s, v) => s with { LeaseSeconds = v });

    private static IReadOnlyList<string>? ParseQueues(System.CommandLine.Parsing.ArgumentResult result)
    {
        try
        {
            return FarmQueues.Parse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : null);
        }
        catch (FarmException ex)
        {
            result.AddError("--queues: " + ex.Message);
            return null;
        }
    }
}
