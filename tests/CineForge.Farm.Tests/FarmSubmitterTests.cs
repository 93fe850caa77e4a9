using CineForge.Runtime;
using Npgsql;
using static CineForge.Farm.Tests.FarmTestSupport;

namespace CineForge.Farm.Tests;

/// <summary>A farm that does not need its submitter: the workers select and finish the film; a submitter started again attaches.</summary>
[Collection(FarmCollection.Name)]
public sealed class FarmSubmitterTests(LocalReference local) : IClassFixture<LocalReference>
{
    [SkippableFact]
    public async Task SubmitterKilledMidFilm_TheWorkersFinishTheFilm_ANewSubmitterAttachesAndReportsItDone_WithoutCreatingAJob()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var storage = FarmStorage.Open(database, Quick);
        var jobsBefore = JobCount(database);
        FarmFilmRecord killedAt, done;
        using (StartInProcess(database, "gpu-box", FarmQueues.Gpu))
        using (StartInProcess(database, "cpu-box", FarmQueues.Cpu))
        {
            using (var submitter = StartSubmitter(database, "submitter", folder.Path))
            {
                await submitter.WaitReadyAsync();
                killedAt = await FilmAsync(storage, film => film.Stages.Any(s => s.Done));
                submitter.Kill();
            }

            done = await FilmAsync(storage, film => film.Done || film.Stopped is not null);
        }

        // Killed before any shot was selected; the workers selected every shot and finished the film.
        Assert.Contains(killedAt.Stages, s => s.Stage == Runtime.Stages.ShotStage.Select && !s.Done);
        Assert.Null(killedAt.FinishJobId);
        Assert.Null(done.Stopped);
        Assert.NotNull(done.FinishJobId);
        var filmDirectory = done.FilmDirectory;
        Assert.True(File.Exists(Path.Combine(filmDirectory, FilmRenderer.SummaryName)));
        Assert.True(File.Exists(Path.Combine(folder.Path, "film.lock.json")));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(filmDirectory, "exports")));
        Assert.False(File.Exists(Path.Combine(filmDirectory, FilmRenderer.RenderLockName)), "the finish job left the film folder held");
        // The shots, their logs and the summary are the local render's bytes.
        var files = LocalReference.FilmFileHashes(filmDirectory);
        Assert.All(local.FilmFiles, file => Assert.Equal(file.Value, files.GetValueOrDefault(file.Key)));
        var jobs = local.Result.Shots.Sum(s => (2 * s.Takes.Count) + 1) + 1;
        Assert.Equal(jobs, done.JobIds.Distinct().Count());
        Assert.Equal(jobs, JobCount(database) - jobsBefore);

        // A new submitter, with no worker left: it attaches to the finished film and reports it.
        using var attached = StartSubmitter(database, "attached", folder.Path);
        var exitCode = await attached.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, attached.Log);
        Assert.Contains($"cineforge: {local.Film.Title} is on the farm already: watching it instead of submitting it again", attached.Log, StringComparison.Ordinal);
        Assert.Contains($"{local.Film.Title} on the farm: keyframe 9/9, animate 9/9, select 7/7, finish 1/1 done; 0 running, 0 queued, 0 awaiting", attached.Log, StringComparison.Ordinal);
        Assert.Contains("cineforge: on the farm: workers: cpu-box (7 jobs), gpu-box (18 jobs)", attached.Log, StringComparison.Ordinal);
        Assert.Contains($"cineforge: report: {Path.Combine(filmDirectory, "report")}", attached.Log, StringComparison.Ordinal);
        Assert.Equal(jobs, JobCount(database) - jobsBefore);
        Assert.Empty(FarmStatus.Read(storage).Films);
    }

    /// <summary>The one film on record once <paramref name="reached"/> holds for it.</summary>
    private static async Task<FarmFilmRecord> FilmAsync(Hangfire.PostgreSql.PostgreSqlStorage storage, Func<FarmFilmRecord, bool> reached)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            using (var connection = storage.GetConnection())
            {
                if (FarmFilms.All(connection) is [var film] && reached(film))
                {
                    return film;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the film never reached the state waited for");
    }

    /// <summary>Every Hangfire job ever created in the farm's database: nothing else adds one.</summary>
    private static long JobCount(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var count = new NpgsqlCommand($"SELECT count(*) FROM {FarmStorage.Schema}.job", connection);
        return (long)count.ExecuteScalar()!;
    }
}
