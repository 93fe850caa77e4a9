using CineForge.Finishing;
using CineForge.Runtime.Dispatch;
using Hangfire;
using Hangfire.Server;

namespace CineForge.Farm;

/// <summary>
/// The Hangfire job that ends a film on the farm: one <see cref="FilmFinishJob"/> (summary, lock,
/// edit, grade, sound, exports, report into the film folder) on this worker's <see cref="StageHost"/>,
/// whose outcome goes into the film's record for the submitter that watches, or attaches later.
/// Retried like a stage job; a rerun resumes from the store and the finishing pass's work files.
/// </summary>
public sealed class FinishJobPerformer(StageHost host)
{
    /// <summary>Finishes the film described by <paramref name="finish"/> (a <see cref="FilmFinishJob"/> as JSON); <paramref name="label"/> names it in Hangfire.</summary>
    [AutomaticRetry(Attempts = StageJobPerformer.Retries, DelaysInSeconds = [StageJobPerformer.RetryDelaySeconds], ExceptOn = [typeof(ShotJobRefusedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("{1}")]
    public async Task RunAsync(string finish, string label, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = FilmFinishJob.FromJson(finish);
        context.SetJobParameter(StageJobPerformer.WorkerParameter, host.Worker);
        try
        {
            var outcome = await job.RunAsync(host, cancellationToken).ConfigureAwait(false);
            FarmFanIn.FinishDone(context.Storage, job.Shots[0].FilmDirectory, context.BackgroundJob.Id, outcome.ToJson());
        }
        catch (Exception ex) when (FarmFilmStop.IsFinal(ex, context, cancellationToken))
        {
            FarmFilmStop.Stop(context.Storage, job.Shots[0].FilmDirectory, context.BackgroundJob.Id, $"The finishing of '{job.Shots[0].Title}' {FarmFilmStop.Failure(context, ex)}");
            throw;
        }
    }
}
