using CineForge.Runtime.Dispatch;
using Hangfire.PostgreSql;
using Hangfire.Storage.Monitoring;

namespace CineForge.Farm;

/// <summary>One shot job as <c>cineforge farm status</c> shows it.</summary>
/// <param name="Film">The film's title.</param>
/// <param name="Shot">"03-tired-mirror".</param>
/// <param name="State">queued, scheduled (waiting for a retry), running or failed.</param>
/// <param name="JobId">The Hangfire job id.</param>
/// <param name="Detail">The worker running it, or why it failed.</param>
public sealed record FarmJobRow(string Film, string Shot, string State, string JobId, string Detail);

/// <summary>Reads the farm's queued, scheduled, running and failed shot jobs from Hangfire's monitoring API.</summary>
public static class FarmStatus
{
    /// <summary>Rows read per state.</summary>
    public const int Limit = 1000;

    /// <summary>Every queued, scheduled, running and failed shot job, ordered by film and shot; plus the number of live workers.</summary>
    public static (IReadOnlyList<FarmJobRow> Jobs, int Workers) Read(PostgreSqlStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var api = storage.GetMonitoringApi();
        var rows = new List<FarmJobRow>();
        foreach (var queue in api.Queues())
        {
            rows.AddRange(api.EnqueuedJobs(queue.Name, 0, Limit).Select(j => Row(j.Key, j.Value.Job, "queued", queue.Name)));
        }

        rows.AddRange(api.ScheduledJobs(0, Limit).Select(j => Row(j.Key, j.Value.Job, "scheduled", $"retry at {j.Value.EnqueueAt:u}")));
        using (var connection = storage.GetConnection())
        {
            rows.AddRange(api.ProcessingJobs(0, Limit).Select(j => Row(j.Key, j.Value.Job, "running", ShotJobPerformer.WorkerOf(connection, j.Key) ?? j.Value.ServerId)));
        }

        rows.AddRange(api.FailedJobs(0, Limit).Select(j => Row(j.Key, j.Value.Job, "failed", j.Value.ExceptionMessage)));
        var ordered = rows.Where(r => r is not null).OrderBy(r => r.Film, StringComparer.Ordinal).ThenBy(r => r.Shot, StringComparer.Ordinal).ThenBy(r => r.State, StringComparer.Ordinal).ToList();
        return (ordered, api.Servers().Count);
    }

    private static FarmJobRow Row(string id, Hangfire.Common.Job? job, string state, string? detail)
    {
        if (job?.Args is [string json, ..] && job.Type == typeof(ShotJobPerformer))
        {
            var shot = ShotJob.FromJson(json);
            return new FarmJobRow(shot.Title, $"{shot.Index:00}-{shot.Shot}", state, id, detail ?? string.Empty);
        }

        return new FarmJobRow("(not a shot job)", job?.ToString() ?? "?", state, id, detail ?? string.Empty);
    }
}
