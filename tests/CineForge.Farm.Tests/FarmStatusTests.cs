using CineForge.Runtime;
using CineForge.Runtime.Stages;
using static CineForge.Farm.Tests.FarmTestSupport;

namespace CineForge.Farm.Tests;

/// <summary><c>farm status</c> shows each film by shot and stage job, including select jobs waiting for their takes.</summary>
[Collection(FarmCollection.Name)]
public sealed class FarmStatusTests
{
    [SkippableFact]
    public async Task FilmWithoutWorkers_ShowsKeyframesQueued_AnimationsAndSelectionsAwaiting_AndStaysOnTheFarmWhenItsSubmitterStops()
    {
        var database = Database();
        ClearFarm(database);
        using var folder = new TempFolder();
        var film = CosmeticAd();
        var storage = FarmStorage.Open(database, Quick);
        using var stop = new CancellationTokenSource();

        var render = new FilmRenderer(dispatcher: new FarmShotDispatcher(storage, Quick)).RenderAsync(film, Options(folder.Path), cancellationToken: stop.Token);
        var status = await FirstFilmAsync(storage);

        Assert.Equal(film.Title, status.Title);
        var takes = film.Shots.Sum(s => s.Variants.Count + 1);
        Assert.Equal((2 * takes) + film.Shots.Count, status.Stages.Count);
        // tired-mirror's B changes only the motion: its keyframe job waits for A's, which draws the shared keyframe.
        var shared = status.Stages.Single(s => s.Shot == "03-tired-mirror" && s.Name == "keyframe B");
        Assert.Equal((FarmStatus.Awaiting, "keyframe A"), (shared.State, shared.Detail));
        Assert.All(status.Stages.Where(s => s.Stage == ShotStage.Keyframe && s != shared), s => Assert.Equal((FarmStatus.Queued, "queue gpu"), (s.State, s.Detail)));
        Assert.All(status.Stages.Where(s => s.Stage == ShotStage.Animate), s => Assert.Equal((FarmStatus.Awaiting, $"keyframe {s.Take}"), (s.State, s.Detail)));
        Assert.All(status.Stages.Where(s => s.Stage == ShotStage.Select), s => Assert.Equal((FarmStatus.Awaiting, (string?)null), (s.State, s.JobId)));
        var first = status.Stages.Single(s => s.Index == 1 && s.Stage == ShotStage.Select);
        Assert.Equal(($"01-{film.Shots[0].Name}", "animate A, B"), (first.Shot, first.Detail));

        // The submitter stops watching; the film stays on the farm, its jobs queued for the workers.
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render);
        Assert.Equal(status.Stages, Assert.Single(FarmStatus.Read(storage).Films).Stages);

        // Submitted again, the same film attaches to its jobs instead of creating new ones.
        using var again = new CancellationTokenSource();
        var dispatcher = new FarmShotDispatcher(storage, Quick);
        var attached = new FilmRenderer(dispatcher: dispatcher).RenderAsync(film, Options(folder.Path), cancellationToken: again.Token);
        while (dispatcher.Jobs.Count == 0 && !attached.IsCompleted)
        {
            await Task.Delay(50);
        }

        await again.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attached);
        Assert.True(dispatcher.Attached);
        Assert.Equal(status.Stages.Select(s => s.JobId), dispatcher.Jobs.Select(j => j.JobId));
        Assert.Equal(status.Stages, Assert.Single(FarmStatus.Read(storage).Films).Stages);
        ClearFarm(database);
    }

    private static async Task<FarmFilmStatus> FirstFilmAsync(Hangfire.PostgreSql.PostgreSqlStorage storage)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (FarmStatus.Read(storage).Films is [var film])
            {
                return film;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the render never reached the farm");
    }
}
