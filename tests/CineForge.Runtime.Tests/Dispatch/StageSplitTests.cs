using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Media;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Select;
using CineForge.Serialization;

namespace CineForge.Runtime.Tests.Dispatch;

/// <summary>A shot's stages run one by one, as farm jobs do: same bytes as a local render, inputs checked, stored outputs not redone.</summary>
public sealed class StageSplitTests
{
    private const string Worker = "stage-test";

    [Fact]
    public async Task StagesRunOneByOne_GiveTheLocalRendersBytes_AndNameTheirMaker()
    {
        using var folder = new TempFolder();
        var film = TwoTakes();
        var local = await new FilmRenderer().RenderAsync(film, TestFilms.Options(Path.Combine(folder.Path, "local")));
        var (context, filmDirectory) = Context(film, folder.Path, Worker);
        var pipeline = new TakePipeline(RenderBackends.Previz());
        var selector = new ShotSelector(BackendIdentities.Of(RenderBackends.Previz()));
        var takes = ShotTake.Of(film.Shots[0], 1, 2);

        var keyframeA = pipeline.Keyframe(context, takes[0], default);
        var keyframeAgain = pipeline.Keyframe(context, takes[0], default);
        var animateA = await pipeline.AnimateAsync(context, takes[0], default);
        pipeline.Keyframe(context, takes[1], default);
        await pipeline.AnimateAsync(context, takes[1], default);
        var (shot, select) = await selector.SelectAsync(context, 1, filmDirectory, default);

        Assert.True(keyframeA.Rendered);
        Assert.Equal((1, 1), (keyframeA.Work.KeyframesDrawn, keyframeA.Work.CorrectionsRun));
        Assert.False(keyframeAgain.Rendered);
        Assert.True(keyframeAgain.Work.IsNone);
        Assert.Equal(1, animateA.Work.ClipsEncoded);
        Assert.True(select.Rendered);
        var reference = local.Shots[0];
        foreach (var file in Directory.EnumerateFiles(reference.Directory))
        {
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(shot.Directory, Path.GetFileName(file))));
        }

        Assert.Equal(reference.Takes.Select(t => t.ClipSha256), shot.Takes.Select(t => t.ClipSha256));
        Assert.All(shot.Takes, t => Assert.Equal(new TakeMadeBy(Worker, Worker), t.MadeBy));
        Assert.Equal(Worker, shot.SelectionMadeBy);
        Assert.All(reference.Takes, t => Assert.Equal(new TakeMadeBy(ArtefactProvenance.LocalWorker, ArtefactProvenance.LocalWorker), t.MadeBy));
    }

    [Fact]
    public async Task ProvenanceEntersNoKey_TheStoreHoldsTheSameObjectsWhoeverMadeThem()
    {
        using var folder = new TempFolder();
        var film = TwoTakes();
        await new FilmRenderer().RenderAsync(film, TestFilms.Options(Path.Combine(folder.Path, "local")));
        var (context, filmDirectory) = Context(film, folder.Path, Worker);

        await new ShotRenderer(RenderBackends.Previz()).RenderAsync(context, 1, filmDirectory, default);

        var local = Objects(Path.Combine(folder.Path, "local", "cache"));
        var staged = Objects(context.Store.Root);
        Assert.NotEmpty(staged);
        Assert.Equal(staged, local.Where(o => staged.ContainsKey(o.Key)).ToDictionary());
        Assert.Contains(Directory.EnumerateFiles(context.Store.Root, "*" + ArtefactProvenance.Extension, SearchOption.AllDirectories), f => File.ReadAllText(f).Contains(Worker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelectBeforeEveryTakeIsAnimated_StopsAndWritesNothing()
    {
        using var folder = new TempFolder();
        var film = TwoTakes();
        var (context, filmDirectory) = Context(film, folder.Path, Worker);
        var pipeline = new TakePipeline(RenderBackends.Previz());
        var selector = new ShotSelector(BackendIdentities.Of(RenderBackends.Previz()));
        var takes = ShotTake.Of(film.Shots[0], 1, 2);
        pipeline.Keyframe(context, takes[0], default);
        await pipeline.AnimateAsync(context, takes[0], default);

        var error = await Assert.ThrowsAsync<StageInputMissingException>(() => selector.SelectAsync(context, 1, filmDirectory, default));

        Assert.Contains("Shot #1 'waiting', select", error.Message, StringComparison.Ordinal);
        Assert.Contains("take B", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(filmDirectory) && Directory.EnumerateFileSystemEntries(filmDirectory).Any());
    }

    [Fact]
    public async Task AnimateBeforeItsKeyframe_StopsWithoutRenderingTheKeyframe()
    {
        using var folder = new TempFolder();
        var film = TwoTakes();
        var (context, _) = Context(film, folder.Path, Worker);
        var take = ShotTake.Of(film.Shots[0], 1, 2)[0];

        var error = await Assert.ThrowsAsync<StageInputMissingException>(() => new TakePipeline(RenderBackends.Previz()).AnimateAsync(context, take, default));

        Assert.Contains("Shot #1 'waiting', animate A", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(context.Store.Root, "*.png", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(context.Store.Root, "*.mp4", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SelectJob_RunsOnAHostWithOtherBackends_KeyframeJobIsRefusedThere()
    {
        using var folder = new TempFolder();
        var film = TwoTakes();
        var local = await new FilmRenderer().RenderAsync(film, TestFilms.Options(Path.Combine(folder.Path, "local")));
        var (context, filmDirectory) = Context(film, folder.Path, "gpu-box");
        var backends = RenderBackends.Previz();
        var shot = ShotJob.For(film, context.Store.PutPlan(FilmJson.Serialize(film)), 1, filmDirectory, context, backends);
        var gpu = new StageHost("gpu-box", backends);
        var cpu = new StageHost("cpu-box", backends with { Animator = new RenamedAnimator(backends.Animator) });
        var stages = shot.Stages();

        var refused = await Assert.ThrowsAsync<ShotJobRefusedException>(() => stages[0].RunAsync(cpu, null, default));
        foreach (var stage in stages.Where(s => s.Stage != ShotStage.Select))
        {
            await stage.RunAsync(gpu, null, default);
        }

        var select = await stages.Single(s => s.Stage == ShotStage.Select).RunAsync(cpu, null, default);

        Assert.Contains("needs backend previz-camera", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["keyframe A", "animate A", "keyframe B", "animate B", "select"], stages.Select(s => StageRun.Describe(s.Stage, s.Take)));
        Assert.Equal(("cpu-box", true), (select.Worker, select.Rendered));
        var settings = Path.Combine(filmDirectory, ShotRenderer.FolderName(1, film.Shots[0]), ShotRenderer.SettingsLogName);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(local.Shots[0].Directory, ShotRenderer.SettingsLogName)), await File.ReadAllTextAsync(settings));
    }

    [Fact]
    public void StageJob_RoundTripsThroughJson()
    {
        using var folder = new TempFolder();
        var film = TwoTakes();
        var (context, filmDirectory) = Context(film, folder.Path, Worker);
        var shot = ShotJob.For(film, "plan-key", 1, filmDirectory, context, RenderBackends.Previz());

        var stage = shot.Stages()[3];
        var back = StageJob.FromJson(stage.ToJson());

        Assert.Equal(stage.ToJson(), back.ToJson());
        Assert.Equal((ShotStage.Animate, "B"), (back.Stage, back.Take));
        Assert.Equal("01-waiting of Test Short: animate B", back.Label);
    }

    /// <summary>The short film with a B take and a declared correction on its first shot.</summary>
    private static Film TwoTakes()
    {
        var film = TestFilms.Short();
        return film with { Shots = film.Shots.SetItem(0, film.Shots[0].Variant("B", v => v.Seed(21)).Correct(0.3, "hair edge")) };
    }

    private static (ShotContext Context, string FilmDirectory) Context(Film film, string folder, string worker)
    {
        var store = new ArtefactStore(Path.Combine(folder, "staged", "cache"));
        var context = new ShotContext(film, store, FfmpegTool.Locate(), ClipEncoding.Default, TestFilms.Small, new WorkCounter(), null, worker);
        return (context, Path.Combine(folder, "staged", "film"));
    }

    private static Dictionary<string, string> Objects(string store) =>
        Directory.EnumerateFiles(Path.Combine(store, "objects"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(ArtefactProvenance.Extension, StringComparison.Ordinal) && !f.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(store, f), ArtefactKey.HashFile);

    /// <summary>The previz animator under another identity: a machine with other models.</summary>
    private sealed class RenamedAnimator(IAnimator inner) : IAnimator
    {
        public BackendIdentity Identity { get; } = new("other-animator", "9", ["0123"]);

        public void Animate(KeyframeImage keyframe, AnimationRequest request, Action<AnimatedFrame> sink, CancellationToken cancellationToken) => inner.Animate(keyframe, request, sink, cancellationToken);
    }
}
