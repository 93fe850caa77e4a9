using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Stages;
using Hangfire;

namespace CineForge.Farm;

/// <summary>
/// The fan-in, on the workers. Open-source Hangfire has no continuation with several parents (batches
/// are Hangfire Pro), so the job that completes a shot's last take creates the shot's select job, and
/// the job that completes the film's last selection creates its finish job. Each marks itself done in
/// the film's record and looks at the others' marks under the film's lock (<see cref="FarmFilms.Lock"/>),
/// so exactly one job sees its shot or film complete, whatever order workers finish in, and the new
/// job's id is in the record before that job can reach the fan-in itself. A job the record does not name
/// (its film was stopped, or submitted again) changes nothing.
/// </summary>
internal static class FarmFanIn
{
    /// <summary>Marks stage job <paramref name="jobId"/> (<paramref name="job"/>) done and creates what now has every input.</summary>
    public static void StageDone(JobStorage storage, StageJob job, string jobId)
    {
        var directory = job.Shot.FilmDirectory;
        using var connection = storage.GetConnection();
        using (FarmFilms.Lock(connection, directory))
        {
            if (FarmFilms.Read(connection, directory) is not { Stopped: null } record)
            {
                return;
            }

            var stages = record.Stages.ToList();
            var index = stages.FindIndex(s => s.JobId == jobId);
            if (index < 0)
            {
                return;
            }

            stages[index] = stages[index] with { Done = true };
            var client = new BackgroundJobClient(storage);
            var select = stages.FindIndex(s => s.Index == job.Shot.Index && s.Stage == ShotStage.Select);
            if (job.Stage == ShotStage.Animate && stages[select].JobId is null && stages.Where(s => s.Index == job.Shot.Index && s.Stage == ShotStage.Animate).All(s => s.Done))
            {
                stages[select] = stages[select] with { JobId = FarmJobs.Create(client, job.Shot.Stages().Single(s => s.Stage == ShotStage.Select)) };
            }

            var finishJobId = record.FinishJobId;
            if (job.Stage == ShotStage.Select && record.Finish is { } finish && finishJobId is null && stages.Where(s => s.Stage == ShotStage.Select).All(s => s.Done))
            {
                finishJobId = FarmJobs.CreateFinish(client, finish);
            }

            FarmFilms.Save(storage, record with { Stages = stages, FinishJobId = finishJobId });
        }
    }

    /// <summary>Keeps what finish job <paramref name="jobId"/> left for the submitter: the film is done.</summary>
    public static void FinishDone(JobStorage storage, string filmDirectory, string jobId, string outcome)
    {
        using var connection = storage.GetConnection();
        using (FarmFilms.Lock(connection, filmDirectory))
        {
            if (FarmFilms.Read(connection, filmDirectory) is { Stopped: null } record && record.FinishJobId == jobId)
            {
                FarmFilms.Save(storage, record with { Outcome = outcome });
            }
        }
    }
}
