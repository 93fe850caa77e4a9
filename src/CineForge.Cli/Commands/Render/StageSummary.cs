using CineForge.Runtime;
using CineForge.Runtime.Stages;

namespace CineForge.Cli.Commands.Render;

/// <summary>What a render's stage jobs did, per stage and per worker: the farm's account of its work.</summary>
public static class StageSummary
{
    /// <summary>
    /// One line per stage ("keyframe: 14 jobs, 12 run, 2 found in the store") and one naming the
    /// workers with their job counts, for <paramref name="where"/> ("on the farm").
    /// </summary>
    public static IReadOnlyList<string> Lines(FilmRenderResult result, string where)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = result.Shots.SelectMany(s => s.Stages).ToList();
        var lines = Enum.GetValues<ShotStage>()
            .Select(stage => runs.Where(r => r.Stage == stage).ToList())
            .Where(jobs => jobs.Count > 0)
            .Select(jobs => $"cineforge: {where}: {jobs[0].Stage.ToString().ToLowerInvariant()}: {Count(jobs.Count, "job")}, {jobs.Count(j => j.Rendered)} run, {jobs.Count(j => !j.Rendered)} found in the store")
            .ToList();
        var workers = runs.GroupBy(r => r.Worker, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ({Count(g.Count(), "job")})");
        lines.Add($"cineforge: {where}: workers: {string.Join(", ", workers)}");
        return lines;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
