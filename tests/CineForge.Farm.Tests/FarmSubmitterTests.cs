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

        // Done with no submitter to report it: farm status says so.
        var status = Assert.Single(FarmStatus.Read(storage).Films);
        Assert.True(status.Done);
        Assert.Equal((FarmStatus.Done, "cpu-box"), (status.Finish?.State, status.Finish?.Detail));

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

    [SkippableFact]
    public async Task SubmitterStoppedMidFilm_ASecondAttachesToTheRunningFilm_AndGetsTheFirstsOutcome()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var storage = FarmStorage.Open(database, Quick);
        var jobsBefore = JobCount(database);
        using var worker = StartInProcess(database, "box", FarmQueues.All.ToArray());
        using var stop = new CancellationTokenSource();
        var first = new FarmFilmProduction(storage, timings: Quick);

        var watching = first.RenderAsync(local.Film, Options(folder.Path), stop.Token);
        await FilmAsync(storage, film => film.Stages.Any(s => s.Done));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.False(first.Dispatcher.Attached);
        var second = new FarmFilmProduction(storage, timings: Quick);
        var outcome = await second.RenderAsync(local.Film, Options(folder.Path), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(second.Dispatcher.Attached);
        Assert.Equal(KeyframeAndAnimateJobs(first.Dispatcher), KeyframeAndAnimateJobs(second.Dispatcher));
        Assert.Equal(local.Result.Shots.Sum(s => (2 * s.Takes.Count) + 1) + 1, JobCount(database) - jobsBefore);
        // The workers' work, summed from their jobs, though this submitter created none of them.
        Assert.Equal(local.Result.Work, outcome.Shots.Work);
        Assert.Equal(ClipHashes(local.Result), ClipHashes(outcome.Shots));
        Assert.Empty(outcome.Shots.LockChanges);
        var finished = Assert.IsType<Finishing.FinishingSummary>(outcome.Finished);
        Assert.True(File.Exists(finished.ReportPath) || Directory.Exists(finished.ReportPath), finished.ReportPath);
        Assert.Empty(FarmStatus.Read(storage).Films);

        // The finish job's exports are a local production's bytes.
        using var elsewhere = new TempFolder();
        var production = await new Finishing.FilmProduction().RenderAsync(local.Film, Options(elsewhere.Path));
        Assert.NotEmpty(finished.Exports);
        Assert.Equal(ExportHashes(production.Outcome.Finished!), ExportHashes(finished));
    }

    private static IReadOnlyList<string> ExportHashes(Finishing.FinishingSummary finished) =>
        finished.Exports.Select(e => $"{e.Kind} {Path.GetFileName(e.Path)}: {Runtime.Cache.ArtefactKey.HashFile(e.Path)}").Order(StringComparer.Ordinal).ToList();

    [SkippableFact]
    public async Task FinishJobFailingTwice_StopsTheFilm_NamingTheFinishingAndReason()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var storage = FarmStorage.Open(database, Quick);
        // Where the lock goes, a folder is in the way: the finish job fails writing it, twice.
        var lockFile = Path.Combine(folder.Path, "film.lock.json");
        Directory.CreateDirectory(Path.Combine(lockFile, "in-the-way"));
        var production = new FarmFilmProduction(storage, timings: Quick);
        RenderException error;
        using (StartInProcess(database, "box", FarmQueues.All.ToArray()))
        {
            error = await Assert.ThrowsAsync<RenderException>(() => production.RenderAsync(local.Film, Options(folder.Path) with { LockFile = lockFile }, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5)));
        }

        Assert.StartsWith($"The finishing of '{local.Film.Title}' failed on the farm after 2 attempts (job ", error.Message, StringComparison.Ordinal);
        var film = Assert.Single(FarmStatus.Read(storage).Films);
        Assert.Equal(error.Message, film.Stopped);
        Assert.Equal(FarmStatus.Failed, film.Finish?.State);
        Assert.All(film.Stages, s => Assert.Equal(FarmStatus.Done, s.State));
        Assert.False(File.Exists(Path.Combine(folder.Path, "out", FilmRenderer.FolderName(local.Film), FilmRenderer.RenderLockName)), "the failed finish job left the film folder held");
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

    private static IEnumerable<string?> KeyframeAndAnimateJobs(FarmShotDispatcher dispatcher) =>
        dispatcher.Jobs.Where(j => j.Stage != Runtime.Stages.ShotStage.Select).Select(j => j.JobId);

    /// <summary>Every Hangfire job ever created in the farm's database: nothing else adds one.</summary>
    private static long JobCount(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var count = new NpgsqlCommand($"SELECT count(*) FROM {FarmStorage.Schema}.job", connection);
        return (long)count.ExecuteScalar()!;
    }
}
