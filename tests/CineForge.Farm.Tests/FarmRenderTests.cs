using CineForge.Runtime;
using Hangfire;
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
    }

    public Film Film { get; }

    public FilmRenderResult Result { get; }

    public SortedDictionary<string, string> Store { get; }

    public SortedDictionary<string, string> FilmFiles { get; }

    /// <summary>Every complete file of a film folder (clips, shot logs, summary, lock): relative path → SHA-256.</summary>
    public static SortedDictionary<string, string> FilmFileHashes(string filmDirectory) => new(
        Directory.EnumerateFiles(filmDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(Runtime.Cache.AtomicFile.TempSuffix, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(filmDirectory, f).Replace('\\', '/'), Runtime.Cache.ArtefactKey.HashFile),
        StringComparer.Ordinal);

    public void Dispose() => folder.Dispose();
}

[Collection(FarmCollection.Name)]
public sealed class FarmRenderTests(LocalReference local) : IClassFixture<LocalReference>
{
    [SkippableFact]
    public async Task CosmeticAd_OnTwoWorkerProcesses_HasTheLocalRendersHashes()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        using var first = StartWorker(database, "worker-1", leaseSeconds: 60);
        using var second = StartWorker(database, "worker-2", leaseSeconds: 60);
        await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync());
        var storage = FarmStorage.Open(database, Quick);
        var dispatcher = new FarmShotDispatcher(storage, Quick);

        var farm = await new FilmRenderer(dispatcher: dispatcher).RenderAsync(local.Film, Options(folder.Path)).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(ClipHashes(local.Result), ClipHashes(farm));
        Assert.Equal(local.Store, StoreHashes(Path.Combine(folder.Path, "cache")));
        Assert.Equal(local.FilmFiles, LocalReference.FilmFileHashes(farm.FilmDirectory));
        Assert.True(farm.Work.IsNone, $"the submitter rendered {farm.Work} itself");
        using var connection = storage.GetConnection();
        var workers = dispatcher.JobIds.Select(id => ShotJobPerformer.WorkerOf(connection, id)).Distinct().ToList();
        Assert.Equal(new[] { "worker-1", "worker-2" }, workers.Order().ToArray());
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
        Assert.True(farm.Work.IsNone, $"the submitter rendered {farm.Work} itself");
    }

    /// <summary>Kills <paramref name="victim"/> one second into its first job; false when the film finished first.</summary>
    private static async Task<bool> KillWhenRunningAsync(Hangfire.PostgreSql.PostgreSqlStorage storage, WorkerProcess victim, Task render)
    {
        var api = storage.GetMonitoringApi();
        while (!render.IsCompleted)
        {
            using (var connection = storage.GetConnection())
            {
                if (api.ProcessingJobs(0, 100).Any(j => ShotJobPerformer.WorkerOf(connection, j.Key) == victim.Name))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    victim.Kill();
                    return true;
                }
            }

            await Task.Delay(100);
        }

        return false;
    }
}
