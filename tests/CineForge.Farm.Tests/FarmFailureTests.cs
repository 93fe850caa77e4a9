using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using static CineForge.Farm.Tests.FarmTestSupport;

namespace CineForge.Farm.Tests;

public sealed class UnreachableDatabaseTests
{
    [Fact]
    public void DatabaseDown_FailsAtStart_NamingHostAndPort()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<FarmException>(() => FarmStorage.Open("Host=127.0.0.1;Port=1;Database=films;Username=farm"));

        Assert.Contains("host 127.0.0.1, port 1, database films", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(FarmStorage.ProbeTimeoutSeconds * 3), $"took {started.Elapsed}");
    }

    [Fact]
    public void MalformedConnectionString_FailsNamingTheProblem()
    {
        var error = Assert.Throws<FarmException>(() => FarmStorage.Open("Host=127.0.0.1;NoSuchKey=1"));

        Assert.Contains("connection string is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownQueue_IsRefusedByName()
    {
        var error = Assert.Throws<FarmException>(() => FarmQueues.Parse("gpu,tpu"));

        Assert.Contains("tpu", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "cpu" }, FarmQueues.Parse(" CPU "));
    }
}

[Collection(FarmCollection.Name)]
public sealed class FarmFailureTests
{
    [SkippableFact]
    public async Task JobForOtherFfmpeg_FailsWithoutRetry_AndNamesTheShot()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var film = CosmeticAd();
        var storage = FarmStorage.Open(database, Quick);
        using var stop = new CancellationTokenSource();
        var worker = FarmWorker.RunAsync(new FarmWorkerOptions(database, FarmQueues.All, RenderBackends.Previz(), "in-test", Timings: Quick), null, stop.Token);
        var job = new ShotJob(Serialization.FilmJson.Serialize(film), film.Title, 2, film.Shots[1].Name, Path.Combine(folder.Path, "film"), Path.Combine(folder.Path, "cache"), Runtime.Media.ClipEncoding.Default, "160x90", "0.0-elsewhere", []);
        var dispatcher = new FarmShotDispatcher(storage, Quick);

        var error = await Assert.ThrowsAsync<RenderException>(() => dispatcher.RunAsync<ShotJob, int>([job], (_, _) => Task.FromResult(0), CancellationToken.None));
        await stop.CancelAsync();
        await worker;

        Assert.Contains($"Shot #2 '{film.Shots[1].Name}' failed on the farm", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs ffmpeg 0.0-elsewhere", error.Message, StringComparison.Ordinal);
        using var connection = storage.GetConnection();
        Assert.Null(connection.GetJobParameter(dispatcher.JobIds[0], "RetryCount"));
        var (jobs, _) = FarmStatus.Read(storage);
        var row = Assert.Single(jobs, j => j.JobId == dispatcher.JobIds[0]);
        Assert.Equal((film.Title, $"02-{film.Shots[1].Name}", "failed"), (row.Film, row.Shot, row.State));
        Assert.Contains("needs ffmpeg 0.0-elsewhere", row.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TransientFailure_IsRetriedAfterAPause_AndTheShotCompletes()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var film = CosmeticAd();
        var storage = FarmStorage.Open(database, Quick);
        using var stop = new CancellationTokenSource();
        var backends = RenderBackends.Previz();
        var worker = FarmWorker.RunAsync(new FarmWorkerOptions(database, FarmQueues.All, backends, "in-test", Timings: Quick), null, stop.Token);
        // The film folder's path is taken by a file: the first attempt fails writing the shot's clips.
        var filmDirectory = Path.Combine(folder.Path, "film");
        await File.WriteAllTextAsync(filmDirectory, "in the way");
        var job = new ShotJob(Serialization.FilmJson.Serialize(film), film.Title, 1, film.Shots[0].Name, filmDirectory, Path.Combine(folder.Path, "cache"), Runtime.Media.ClipEncoding.Default, "160x90", Runtime.Media.FfmpegTool.Locate().Version, [backends.Keyframes.Identity, backends.Refiner.Identity, backends.Animator.Identity]);
        var dispatcher = new FarmShotDispatcher(storage, Quick);

        var run = dispatcher.RunAsync<ShotJob, int>([job], (_, _) => Task.FromResult(0), CancellationToken.None);
        using (var connection = storage.GetConnection())
        {
            while (!run.IsCompleted && connection.GetStateData(dispatcher.JobIds.FirstOrDefault() ?? "0")?.Name != "Scheduled")
            {
                await Task.Delay(50);
            }
        }

        File.Delete(filmDirectory);
        await run.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await worker;

        using var states = storage.GetConnection();
        Assert.Equal("1", states.GetJobParameter(dispatcher.JobIds[0], "RetryCount"));
        Assert.Equal("Succeeded", states.GetStateData(dispatcher.JobIds[0]).Name);
        Assert.True(File.Exists(Path.Combine(filmDirectory, Runtime.Stages.ShotRenderer.FolderName(1, film.Shots[0]), Runtime.Stages.ShotRenderer.SettingsLogName)));
    }

    [SkippableFact]
    public async Task JobsThatAreNotShotJobs_AreRefused()
    {
        var storage = FarmStorage.Open(Database(), Quick);

        await Assert.ThrowsAsync<NotSupportedException>(() => new FarmShotDispatcher(storage, Quick).RunAsync<int, int>([1], (i, _) => Task.FromResult(i), CancellationToken.None));
    }
}
