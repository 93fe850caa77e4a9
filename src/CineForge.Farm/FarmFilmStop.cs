using System.Globalization;
using Hangfire;
using Hangfire.Server;
using Hangfire.States;

namespace CineForge.Farm;

/// <summary>
/// Stops a film when one of its jobs fails for good: its record says why (the submitter that watches
/// reports it; <c>farm status</c> shows it), and its other unfinished jobs are deleted; the failed job
/// and the done ones stay, with the record. The failing job's worker does it, on its last attempt, so no submitter is needed.
/// </summary>
internal static class FarmFilmStop
{
    /// <summary>True when <paramref name="error"/> ends the job for good: no retry is left, or it is refused (a retry would fail the same way); not when the worker is shutting down or the job was deleted.</summary>
    public static bool IsFinal(Exception error, PerformContext context, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (error is Runtime.Dispatch.ShotJobRefusedException || context.GetJobParameter<int>("RetryCount") >= StageJobPerformer.Retries);

    /// <summary>"after 2 attempts (job 123): reason", for the job of <paramref name="context"/> failing with <paramref name="error"/>.</summary>
    public static string Failure(PerformContext context, Exception error)
    {
        var attempts = context.GetJobParameter<int>("RetryCount") + 1;
        return string.Create(CultureInfo.InvariantCulture, $"failed on the farm after {attempts} attempt{(attempts == 1 ? string.Empty : "s")} (job {context.BackgroundJob.Id}): {error.Message}");
    }

    /// <summary>Stops the film rendered into <paramref name="filmDirectory"/> with <paramref name="reason"/>, when its record names job <paramref name="jobId"/> and it has not stopped already.</summary>
    public static void Stop(JobStorage storage, string filmDirectory, string jobId, string reason)
    {
        using var connection = storage.GetConnection();
        using (FarmFilms.Lock(connection, filmDirectory))
        {
            if (FarmFilms.Read(connection, filmDirectory) is not { Stopped: null } record || !record.JobIds.Contains(jobId))
            {
                return;
            }

            // Stopped first: whoever watches sees why before it sees a job deleted.
            FarmFilms.Save(storage, record with { Stopped = reason });
            var client = new BackgroundJobClient(storage);
            foreach (var id in record.JobIds.Where(id => id != jobId && !Finished(connection.GetStateData(id)?.Name)))
            {
                client.Delete(id);
            }
        }
    }

    private static bool Finished(string? state) => state == FailedState.StateName || state == SucceededState.StateName;
}
