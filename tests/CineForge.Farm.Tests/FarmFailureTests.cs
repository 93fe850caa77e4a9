using CineForge.Runtime;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Media;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Keyframe;
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
    public async Task JobForOtherFfmpeg_FailsWithoutRetry_NamingShotTakeAndStage()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var film = CosmeticAd();
        var storage = FarmStorage.Open(database, Quick);
        var shot = ShotOf(film, 2, folder.Path) with { Ffmpeg = "0.0-elsewhere" };
        var dispatcher = new FarmShotDispatcher(storage, Quick);
        RenderException error;
        using (StartInProcess(database, "in-test", FarmQueues.All.ToArray()))
        {
            error = await Assert.ThrowsAsync<RenderException>(() => dispatcher.SubmitAsync([shot], CancellationToken.None));
        }

        Assert.StartsWith($"Shot #2 '{film.Shots[1].Name}', take A, keyframe stage failed on the farm after 1 attempt (job ", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs ffmpeg 0.0-elsewhere", error.Message, StringComparison.Ordinal);
        var keyframe = dispatcher.Jobs.Single(j => j.Stage == ShotStage.Keyframe);
        using var connection = storage.GetConnection();
        Assert.Null(connection.GetJobParameter(keyframe.JobId, "RetryCount"));
        var status = Assert.Single(FarmStatus.Read(storage).Films);
        var failed = Assert.Single(status.Stages, s => s.State == FarmStatus.Failed);
        Assert.Equal(($"02-{film.Shots[1].Name}", "keyframe A", keyframe.JobId), (failed.Shot, failed.Name, failed.JobId));
        Assert.Contains("needs ffmpeg 0.0-elsewhere", failed.Detail, StringComparison.Ordinal);
        Assert.All(status.Stages.Where(s => s != failed), s => Assert.Equal(FarmStatus.Stopped, s.State));
        Assert.Equal(error.Message, status.Stopped);
    }

    [SkippableFact]
    public async Task TransientFailure_IsRetriedAfterAPause_AndTheShotCompletes()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var film = CosmeticAd();
        var storage = FarmStorage.Open(database, Quick);
        var shot = ShotOf(film, 1, folder.Path);
        // The film folder's path is taken by a file: the select job's first attempt fails writing the shot's clips.
        await File.WriteAllTextAsync(shot.FilmDirectory, "in the way");
        var dispatcher = new FarmShotDispatcher(storage, Quick);
        using (StartInProcess(database, "in-test", FarmQueues.All.ToArray()))
        {
            var run = dispatcher.SubmitAsync([shot], CancellationToken.None);
            using (var connection = storage.GetConnection())
            {
                while (!run.IsCompleted && !dispatcher.Jobs.Any(j => j.JobId is not null && connection.GetStateData(j.JobId)?.Name == "Scheduled"))
                {
                    await Task.Delay(50);
                }
            }

            File.Delete(shot.FilmDirectory);
            await run.WaitAsync(TimeSpan.FromMinutes(2));
        }

        using var states = storage.GetConnection();
        var select = dispatcher.Jobs.Single(j => j.Stage == ShotStage.Select);
        Assert.Equal("1", states.GetJobParameter(select.JobId, "RetryCount"));
        Assert.Equal("Succeeded", states.GetStateData(select.JobId).Name);
        Assert.All(dispatcher.Jobs.Where(j => j.Stage != ShotStage.Select), j => Assert.Null(states.GetJobParameter(j.JobId, "RetryCount")));
        Assert.True(File.Exists(Path.Combine(shot.FilmDirectory, Runtime.Stages.ShotRenderer.FolderName(1, film.Shots[0]), Runtime.Stages.ShotRenderer.SettingsLogName)));
        Assert.Empty(FarmStatus.Read(storage).Films);
    }

    [SkippableFact]
    public async Task JobFailingTwice_StopsTheFilm_NamingShotTakeStageAndReason()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var film = CosmeticAd();
        var storage = FarmStorage.Open(database, Quick);
        var shot = ShotOf(film, 1, folder.Path);
        // Where take B's keyframe goes, a folder is in the way: both attempts of its keyframe job fail.
        var store = new ArtefactStore(shot.Store);
        var context = new ShotContext(film, store, FfmpegTool.Locate(), ClipEncoding.Default, Small, new WorkCounter(), null, "in-test");
        var takeB = ShotTake.Of(film.Shots[0], 1, 2)[1];
        var blocked = store.PathOf(KeyframeStage.KeyOf(RenderBackends.Previz().Keyframes.Identity, KeyframeStage.RequestFor(context, takeB)), ".keyframe.json");
        Directory.CreateDirectory(Path.Combine(blocked, "in-the-way"));
        var dispatcher = new FarmShotDispatcher(storage, Quick);
        RenderException error;
        using (StartInProcess(database, "in-test", FarmQueues.All.ToArray()))
        {
            error = await Assert.ThrowsAsync<RenderException>(() => dispatcher.SubmitAsync([shot], CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)));
        }

        Assert.StartsWith($"Shot #1 '{film.Shots[0].Name}', take B, keyframe stage failed on the farm after 2 attempts (job ", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(blocked), error.Message, StringComparison.Ordinal);
        var keyframeB = dispatcher.Jobs.Single(j => j.Stage == ShotStage.Keyframe && j.Take == "B");
        using var connection = storage.GetConnection();
        Assert.Equal("1", connection.GetJobParameter(keyframeB.JobId, "RetryCount"));
        var failed = Assert.Single(Assert.Single(FarmStatus.Read(storage).Films).Stages, s => s.State == FarmStatus.Failed);
        Assert.Equal(("keyframe B", keyframeB.JobId), (failed.Name, failed.JobId));
        Assert.False(Directory.Exists(shot.FilmDirectory), "a stopped shot wrote into the film folder");
    }

    /// <summary>Shot <paramref name="index"/> of <paramref name="film"/> as the submitter describes it, its plan stored in the test's store.</summary>
    private static ShotJob ShotOf(Film film, int index, string folder)
    {
        var store = new ArtefactStore(Path.Combine(folder, "cache"));
        var context = new ShotContext(film, store, FfmpegTool.Locate(), ClipEncoding.Default, Small, new WorkCounter(), null, "submitter");
        return ShotJob.For(film, store.PutPlan(Serialization.FilmJson.Serialize(film)), index, Path.Combine(folder, "film"), context, RenderBackends.Previz());
    }
}
