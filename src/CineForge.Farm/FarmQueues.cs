using CineForge.Runtime.Stages;

namespace CineForge.Farm;

/// <summary>The queues a farm job can go to, one per capability a worker declares with <c>--queues</c>.</summary>
public static class FarmQueues
{
    /// <summary>Jobs that need an accelerator: keyframe and animate jobs (text-to-image, img2img, animation and its QA).</summary>
    public const string Gpu = "gpu";

    /// <summary>Jobs that need only a CPU: select jobs (choose the take, copy the named clips, write shot.json) and a film's finish job (summary, lock, edit, grade, sound, exports, report).</summary>
    public const string Cpu = "cpu";

    /// <summary>The queue of <paramref name="stage"/>'s jobs.</summary>
    public static string Of(ShotStage stage) => stage == ShotStage.Select ? Cpu : Gpu;

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
