namespace CineForge.Farm;

/// <summary>The queues a farm job can go to, one per capability a worker declares with <c>--queues</c>.</summary>
public static class FarmQueues
{
    /// <summary>Jobs that need an accelerator: keyframes, img2img, animation.</summary>
    public const string Gpu = "gpu";

    /// <summary>Jobs that need only a CPU.</summary>
    public const string Cpu = "cpu";

    /// <summary>Every queue, in the order a worker serving both takes them.</summary>
    public static IReadOnlyList<string> All { get; } = [Gpu, Cpu];

    /// <summary>Parses "gpu,cpu"; fails naming an unknown queue.</summary>
    public static IReadOnlyList<string> Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return All;
        }

        var queues = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(q => q.ToLowerInvariant()).Distinct().ToList();
        var unknown = queues.Where(q => !All.Contains(q)).ToList();
        return unknown.Count > 0
            ? throw new FarmException($"Unknown queue(s): {string.Join(", ", unknown)}; the farm's queues are {string.Join(", ", All)}.")
            : queues;
    }
}
