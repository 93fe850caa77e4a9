namespace CineForge.Cli.Commands.Worker;

/// <summary>The settings of <c>cineforge worker</c>.</summary>
public sealed record WorkerSettings
{
    /// <summary>--farm: the farm's PostgreSQL connection string; null to take it from the environment (<see cref="CineForge.Farm.FarmConnection"/>).</summary>
    public string? Farm { get; init; }

    /// <summary>--queues gpu,cpu: the queues this worker takes (default: all).</summary>
    public string? Queues { get; init; }

    /// <summary>--models DIR: the model folder of the render backends (the previz backends need none).</summary>
    public string? Models { get; init; }

    /// <summary>--name: the worker's name in status (default: host name and process id).</summary>
    public string? Name { get; init; }

    /// <summary>--lease SECONDS: how long a job of a worker that stopped answering stays hidden from other workers.</summary>
    public int? LeaseSeconds { get; init; }
}
