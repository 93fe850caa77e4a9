using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;

namespace CineForge.Runtime.Tests.Rendering;

public sealed class ReproducibilityTests
{
    [Fact]
    public async Task SamePlanTwice_GivesSameClipsAndLock()
    {
        using var one = new TempFolder();
        using var two = new TempFolder();
        var film = TestFilms.Short();

        var first = await new FilmRenderer().RenderAsync(film, TestFilms.Options(one.Path));
        var second = await new FilmRenderer().RenderAsync(film, TestFilms.Options(two.Path) with { Parallelism = 2 });

        Assert.Equal(Hashes(first), Hashes(second));
        Assert.Equal(File.ReadAllText(first.LockFile), File.ReadAllText(second.LockFile));
        Assert.Equal(3, second.Work.ClipsEncoded);
    }

    [Fact]
    public void SameSceneAndSeed_DrawsIdenticalPixels_OtherSeedDoesNot()
    {
        var film = TestFilms.Short();
        var take = ShotTake.Of(film.Shots[1], 2, 2)[0];
        var scene = ScenePlan.Resolve(film, take, 384, 216);

        var a = Draw(scene);
        var b = Draw(scene);
        var c = Draw(scene with { Seed = scene.Seed + 1 });

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Character_KeepsWardrobeColourAcrossShots()
    {
        var film = TestFilms.Short();
        var looks = film.Shots.Take(2).Select((s, i) => ScenePlan.Resolve(film, ShotTake.Of(s, i + 1, 1)[0], 192, 108).Cast.Single()).ToList();

        Assert.Equal(looks[0], looks[1]);
    }

    [Fact]
    public async Task ChangingOneShot_RerendersThatShotOnly()
    {
        using var folder = new TempFolder();
        var film = TestFilms.Short();
        var options = TestFilms.Options(folder.Path);
        var before = await new FilmRenderer().RenderAsync(film, options);
        var edited = film with { Shots = film.Shots.SetItem(1, film.Shots[1].Motion(0.36)) };

        var after = await new FilmRenderer().RenderAsync(edited, options);

        Assert.True(after.Shots[0].Work.IsNone);
        Assert.True(after.Shots[2].Work.IsNone);
        Assert.Equal(1, after.Shots[1].Work.ClipsEncoded);
        Assert.Equal(0, after.Shots[1].Work.KeyframesDrawn);
        Assert.Equal(Hashes(before)[0], Hashes(after)[0]);
        Assert.NotEqual(Hashes(before)[1], Hashes(after)[1]);
        Assert.Contains(after.LockChanges, c => c.StartsWith("shots[1].", StringComparison.Ordinal));
        Assert.DoesNotContain(after.LockChanges, c => c.StartsWith("shots[0].", StringComparison.Ordinal) || c.StartsWith("shots[2].", StringComparison.Ordinal));
    }

    private static byte[] Draw(ScenePlan scene) =>
        new PrevizKeyframeGenerator().Generate(new KeyframeRequest(scene, string.Empty, KeyframeSettings.Default, scene.Seed), default).Image.Pixels;

    private static List<string> Hashes(FilmRenderResult result) => result.Shots.SelectMany(s => s.Takes).Select(t => t.ClipSha256).ToList();
}
