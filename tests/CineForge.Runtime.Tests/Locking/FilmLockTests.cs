using CineForge.Runtime.Cache;
using CineForge.Runtime.Locking;
using CineForge.Runtime.Media;
using CineForge.Runtime.Stages;

namespace CineForge.Runtime.Tests.Locking;

/// <summary>The lock records who made each artefact, and a different maker is never a change.</summary>
public sealed class FilmLockTests
{
    [Fact]
    public void LocksDifferingOnlyInTheirMakers_ReportNoChange()
    {
        var before = Lock(new TakeMadeBy("worker-1", "worker-2"), "worker-1", motionClipKey: "c1");
        var after = Lock(new TakeMadeBy("worker-3", null), "local:box", motionClipKey: "c1");

        Assert.Empty(after.ChangesSince(System.Text.Json.Nodes.JsonNode.Parse(before.ToJson())));
    }

    [Fact]
    public void ChangedClipKey_IsStillReported_NextToANewMaker()
    {
        var before = Lock(new TakeMadeBy("worker-1", "worker-1"), "worker-1", motionClipKey: "c1");
        var after = Lock(new TakeMadeBy("worker-1", "worker-2"), "worker-1", motionClipKey: "c2");

        Assert.Equal(["shots[0].takes[0].clipKey: \"c1\" -> \"c2\""], after.ChangesSince(System.Text.Json.Nodes.JsonNode.Parse(before.ToJson())));
    }

    [Fact]
    public async Task LocalRender_LockNamesThisHostAsTheMakerOfEveryArtefact()
    {
        using var folder = new TempFolder();

        var result = await new FilmRenderer().RenderAsync(TestFilms.Short(), TestFilms.Options(folder.Path));

        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(result.LockFile))!;
        var shots = json["shots"]!.AsArray();
        Assert.All(shots, s => Assert.Equal(ArtefactProvenance.LocalWorker, (string?)s!["madeBy"]));
        Assert.All(shots.SelectMany(s => s!["takes"]!.AsArray()), t =>
        {
            Assert.Equal(ArtefactProvenance.LocalWorker, (string?)t!["madeBy"]!["keyframe"]);
            Assert.Equal(ArtefactProvenance.LocalWorker, (string?)t["madeBy"]!["clip"]);
        });
        Assert.StartsWith("local:", ArtefactProvenance.LocalWorker, StringComparison.Ordinal);
    }

    private static FilmLock Lock(TakeMadeBy takeMadeBy, string selectionMadeBy, string motionClipKey)
    {
        var previz = new BackendIdentity("previz", "1", []);
        return new FilmLock("Film", "0.1.0", "5.1", ClipEncoding.Default, previz, previz, previz, "192x108", [], [new ShotLock(1, "waiting", "A", [new TakeLock("A", 11, "01-waiting/A-seed11.mp4", motionClipKey, "sha", 0, takeMadeBy)], selectionMadeBy)]);
    }
}
