using CineForge.Runtime;
using CineForge.Runtime.Stages;
using static CineForge.Farm.Tests.FarmTestSupport;

namespace CineForge.Farm.Tests;

/// <summary>The cosmetic ad rendered once locally, the reference for every farm render.</summary>
public sealed class LocalReference : IDisposable
{
    private readonly TempFolder folder = new();

    public LocalReference()
    {
        Film = CosmeticAd();
        Result = new FilmRenderer().RenderAsync(Film, Options(folder.Path)).GetAwaiter().GetResult();
        Store = StoreHashes(Path.Combine(folder.Path, "cache"));
        FilmFiles = FilmFileHashes(Result.FilmDirectory);
        Lock = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Result.LockFile))!;
    }

    public Film Film { get; }

    public FilmRenderResult Result { get; }

    public SortedDictionary<string, string> Store { get; }

    public SortedDictionary<string, string> FilmFiles { get; }

    public System.Text.Json.Nodes.JsonNode Lock { get; }

    /// <summary>Every complete file of a film folder (clips, shot logs, summary) but the lock, which names the makers: relative path → SHA-256.</summary>
    public static SortedDictionary<string, string> FilmFileHashes(string filmDirectory) => new(
        Directory.EnumerateFiles(filmDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(Runtime.Cache.AtomicFile.TempSuffix, StringComparison.Ordinal) && Path.GetFileName(f) != "film.lock.json")
            .ToDictionary(f => Path.GetRelativePath(filmDirectory, f).Replace('\\', '/'), Runtime.Cache.ArtefactKey.HashFile),
        StringComparer.Ordinal);

    public void Dispose() => folder.Dispose();
}

[Collection(FarmCollection.Name)]
public sealed class FarmRenderTests(LocalReference local) : IClassFixture<LocalReference>
{
    [SkippableFact]
    public async Task CosmeticAd_OnTwoWorkerProcesses_HasTheLocalRendersHashes_AndALockNamingTheWorkers()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var storage = FarmStorage.Open(database, Quick);
        FilmRenderResult farm;
        using (var first = StartWorker(database, "worker-1", leaseSeconds: 60))
        using (var second = StartWorker(database, "worker-2", leaseSeconds: 60))
        {
            await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync());
            farm = await new FilmRenderer(dispatcher: new FarmShotDispatcher(storage, Quick)).RenderAsync(local.Film, Options(folder.Path)).WaitAsync(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(ClipHashes(local.Result), ClipHashes(farm));
        Assert.Equal(local.Store, StoreHashes(Path.Combine(folder.Path, "cache")));
        Assert.Equal(local.FilmFiles, LocalReference.FilmFileHashes(farm.FilmDirectory));
        var farmLock = LockOf(farm);
        Assert.Empty(farmLock.ChangesSince(local.Lock));
        Assert.All(Makers(farmLock), maker => Assert.Contains(maker, new[] { "worker-1", "worker-2" }));
        // The workers did all the rendering a local render does; the submitter only read it back.
        Assert.Equal(local.Result.Work, farm.Work);
        var runs = farm.Shots.SelectMany(s => s.Stages).ToList();
        Assert.Equal(local.Result.Shots.Sum(s => (2 * s.Takes.Count) + 1), runs.Count);
        // Keyframe jobs are left out: a B that changes only motion finds A's keyframe, drawn once.
        Assert.All(runs.Where(r => r.Stage != ShotStage.Keyframe), r => Assert.True(r.Rendered, $"{r.Name} found its output in a fresh store"));
        Assert.Equal(new[] { "worker-1", "worker-2" }, runs.Select(r => r.Worker).Distinct().Order(StringComparer.Ordinal).ToArray());
        var lockText = await File.ReadAllTextAsync(farm.LockFile);

        // The same film again on two other workers: every job finds its output, nothing changes.
        ClearFarm(database);
        using var third = StartWorker(database, "worker-3", leaseSeconds: 60);
        using var fourth = StartWorker(database, "worker-4", leaseSeconds: 60);
        await Task.WhenAll(third.WaitReadyAsync(), fourth.WaitReadyAsync());
        var rerun = await new FilmRenderer(dispatcher: new FarmShotDispatcher(storage, Quick)).RenderAsync(local.Film, Options(folder.Path)).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Empty(rerun.LockChanges);
        Assert.True(rerun.Work.IsNone, rerun.Work.ToString());
        Assert.All(rerun.Shots.SelectMany(s => s.Stages), r =>
        {
            Assert.False(r.Rendered, $"{r.Name} rendered again");
            Assert.Contains(r.Worker, new[] { "worker-3", "worker-4" });
        });
        Assert.Equal(lockText, await File.ReadAllTextAsync(rerun.LockFile));
    }

    [SkippableFact]
    public async Task WorkerKilledMidJob_FilmCompletes_WithNoDuplicateOrPartialArtefact()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        using var victim = StartWorker(database, "victim", leaseSeconds: 5);
        using var survivor = StartWorker(database, "survivor", leaseSeconds: 5);
        await Task.WhenAll(victim.WaitReadyAsync(), survivor.WaitReadyAsync());
        var storage = FarmStorage.Open(database, Quick);
        var dispatcher = new FarmShotDispatcher(storage, Quick);

        var render = new FilmRenderer(dispatcher: dispatcher).RenderAsync(local.Film, Options(folder.Path));
        var killed = await KillWhenRunningAsync(storage, victim, render);
        var farm = await render.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(killed, "the victim never took a job before the film finished");
        Assert.Equal(ClipHashes(local.Result), ClipHashes(farm));
        Assert.Equal(local.Store, StoreHashes(Path.Combine(folder.Path, "cache")));
        Assert.Equal(local.FilmFiles, LocalReference.FilmFileHashes(farm.FilmDirectory));
        Assert.Empty(LockOf(farm).ChangesSince(local.Lock));
    }

    [SkippableFact]
    public async Task GpuWorkerTakesOnlyKeyframeAndAnimateJobs_CpuWorkerOnlySelectJobs()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var storage = FarmStorage.Open(database, Quick);
        var dispatcher = new FarmShotDispatcher(storage, Quick);
        FilmRenderResult farm;
        using (StartInProcess(database, "gpu-only", FarmQueues.Gpu))
        using (StartInProcess(database, "cpu-only", FarmQueues.Cpu))
        {
            farm = await new FilmRenderer(dispatcher: dispatcher).RenderAsync(local.Film, Options(folder.Path)).WaitAsync(TimeSpan.FromMinutes(5));
        }

        using var connection = storage.GetConnection();
        Assert.Equal(local.Result.Shots.Sum(s => (2 * s.Takes.Count) + 1), dispatcher.Jobs.Count);
        Assert.All(dispatcher.Jobs, job => Assert.Equal(job.Stage == ShotStage.Select ? "cpu-only" : "gpu-only", StageJobPerformer.WorkerOf(connection, job.JobId!)));
        Assert.All(farm.Shots.SelectMany(s => s.Stages), r => Assert.Equal(r.Stage == ShotStage.Select ? "cpu-only" : "gpu-only", r.Worker));
        Assert.Equal(ClipHashes(local.Result), ClipHashes(farm));
        Assert.Equal(local.FilmFiles, LocalReference.FilmFileHashes(farm.FilmDirectory));
    }

    [SkippableFact]
    public async Task TwoRendersOfOneFilmAtOnce_SharingAStore_BothGetTheLocalBytes_AThirdIntoTheSameFolderIsRefused()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        using var first = StartWorker(database, "worker-1", leaseSeconds: 60);
        using var second = StartWorker(database, "worker-2", leaseSeconds: 60);
        await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync());
        var storage = FarmStorage.Open(database, Quick);
        var options = Options(folder.Path);
        var elsewhere = options with { OutputDirectory = Path.Combine(folder.Path, "out-2") };

        var one = new FilmRenderer(dispatcher: new FarmShotDispatcher(storage, Quick)).RenderAsync(local.Film, options);
        var two = new FilmRenderer(dispatcher: new FarmShotDispatcher(storage, Quick)).RenderAsync(local.Film, elsewhere);
        var third = await Assert.ThrowsAsync<RenderException>(() => new FilmRenderer(dispatcher: new FarmShotDispatcher(storage, Quick)).RenderAsync(local.Film, options));
        var results = await Task.WhenAll(one, two).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Contains("is being rendered by another process", third.Message, StringComparison.Ordinal);
        Assert.All(results, farm =>
        {
            Assert.Equal(ClipHashes(local.Result), ClipHashes(farm));
            Assert.Equal(local.FilmFiles, LocalReference.FilmFileHashes(farm.FilmDirectory));
            Assert.Empty(LockOf(farm).ChangesSince(local.Lock));
        });
        Assert.Equal(local.Store, StoreHashes(Path.Combine(folder.Path, "cache")));
    }

    /// <summary>Kills <paramref name="victim"/> while it animates a take (frames are being encoded); false when the film finished first.</summary>
    private static async Task<bool> KillWhenRunningAsync(Hangfire.PostgreSql.PostgreSqlStorage storage, CliProcess victim, Task render)
    {
        var api = storage.GetMonitoringApi();
        while (!render.IsCompleted)
        {
            using (var connection = storage.GetConnection())
            {
                if (api.ProcessingJobs(0, 100).Any(j => StageJobPerformer.WorkerOf(connection, j.Key) == victim.Name && j.Value.Job?.Args is [string json, ..] && Runtime.Dispatch.StageJob.FromJson(json).Stage == ShotStage.Animate))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200));
                    victim.Kill();
                    return true;
                }
            }

            await Task.Delay(50);
        }

        return false;
    }
}
