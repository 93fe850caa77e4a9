using System.Text.Json.Nodes;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Locking;
using CineForge.Runtime.Media;
using CineForge.Runtime.Stages;

namespace CineForge.Runtime.Tests.Locking;

/// <summary>A locked render compares what it made with the committed lock, one line per artefact or setting, and never writes the lock.</summary>
public sealed class LockVerificationTests
{
    private const string Hash = "de6109fcf0d9d44de4871ab46eba7682219ed7e4e815ff22617190dad82f78ed";

    [Fact]
    public void SameArtefactsMadeByOtherWorkers_Hold()
    {
        var committed = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash, new TakeMadeBy("worker-1", "worker-2")))]);
        var made = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash, new TakeMadeBy("local:box", "local:box")))]);

        var verification = made.Verify(Node(committed), "/films/film.lock.json");

        Assert.True(verification.Holds);
        Assert.Empty(verification.Mismatches);
        Assert.Equal("/films/film.lock.json", verification.LockFile);
    }

    [Fact]
    public void ADifferentClipHash_IsOneLineNamingTheShotTakeAndClip_WithHashesCutWhereTheyDiffer()
    {
        var committed = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash)), Shot(2, "street", Take("A", 12, "ab" + Hash[2..]))]);
        var made = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash)), Shot(2, "street", Take("A", 12, "cd" + Hash[2..]))]);

        var mismatch = Assert.Single(made.Verify(Node(committed), "film.lock.json").Mismatches);

        Assert.Equal("shots[1].takes[0]", mismatch.Path);
        Assert.Equal("shots[1] 'street' take A clip 02-street/A-seed12.mp4: hash ab6109fcf0d9… in film.lock.json, cd6109fcf0d9… rendered", mismatch.ToString());
    }

    [Fact]
    public void HashesDifferingLate_AreShownUpToTheDifference()
    {
        var edited = Hash[..^1] + "0";
        var committed = Lock(shots: [Shot(1, "waiting", Take("A", 11, edited))]);
        var made = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash))]);

        var mismatch = Assert.Single(made.Verify(Node(committed), "film.lock.json").Mismatches);

        Assert.Equal($"hash {edited} in film.lock.json, {Hash} rendered", mismatch.Detail);
    }

    [Fact]
    public void SeveralFieldsOfOneTake_AreOneLine_HashFirst()
    {
        var committed = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash, clipKey: "k1"))]);
        var made = Lock(shots: [Shot(1, "waiting", Take("A", 11, "00" + Hash[2..], clipKey: "k2"))]);

        var mismatch = Assert.Single(made.Verify(Node(committed), "film.lock.json").Mismatches);

        Assert.Equal("hash de6109fcf0d9… in film.lock.json, 006109fcf0d9… rendered; clipKey k1 in film.lock.json, k2 rendered", mismatch.Detail);
    }

    [Fact]
    public void ATakeOrShotMissingFromTheLock_AndOneNoLongerMade_AreNamed()
    {
        var committed = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash)), Shot(2, "street", Take("A", 12, Hash))]);
        var made = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash), Take("B", 21, Hash)), Shot(2, "street", Take("A", 12, Hash)), Shot(3, "umbrella", Take("A", 13, Hash))]);

        var lines = made.Verify(Node(committed), "film.lock.json").Mismatches.Select(m => m.ToString()).ToList();
        var fewer = committed.Verify(Node(made), "film.lock.json").Mismatches.Select(m => m.ToString()).ToList();

        Assert.Equal(["shots[0] 'waiting' take B clip 01-waiting/B-seed21.mp4: not in film.lock.json", "shots[2] 'umbrella': not in film.lock.json"], lines);
        Assert.Equal(["shots[0] 'waiting' take B clip 01-waiting/B-seed21.mp4: in film.lock.json, not rendered", "shots[2] 'umbrella': in film.lock.json, not rendered"], fewer);
    }

    [Fact]
    public void SettingsTheLockRecords_AreNamedByTheirPath_BeforeTheShots()
    {
        var committed = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash))], selected: "A");
        var made = Lock(shots: [Shot(1, "waiting", Take("A", 11, Hash))], selected: "B", encoding: ClipEncoding.Default with { Crf = 20 }, resolution: null);

        var lines = made.Verify(Node(committed), "film.lock.json").Mismatches.Select(m => m.ToString()).ToList();

        Assert.Equal(["encoding.crf: 18 in film.lock.json, 20 rendered", "forcedResolution: 192x108 in film.lock.json, null rendered", "shots[0] 'waiting': selected A in film.lock.json, B rendered"], lines);
    }

    [Fact]
    public async Task LockedRerun_OfAnUnchangedFilm_Holds_AndLeavesTheLockFileAsItWas()
    {
        using var folder = new TempFolder();
        var options = TestFilms.Options(folder.Path);
        var first = await new FilmRenderer().RenderAsync(TestFilms.Short(), options);
        var bytes = await File.ReadAllBytesAsync(first.LockFile);
        var written = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first.LockFile, written);

        var locked = await new FilmRenderer().RenderAsync(TestFilms.Short(), options with { Locked = true });

        Assert.NotNull(locked.Verification);
        Assert.True(locked.Verification.Holds, string.Join("\n", locked.Verification.Mismatches));
        Assert.True(locked.Work.IsNone, locked.Work.ToString());
        Assert.Equal(first.LockFile, locked.LockFile);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(first.LockFile));
        Assert.Equal(written, File.GetLastWriteTimeUtc(first.LockFile));
        Assert.Null(first.Verification);
    }

    [Fact]
    public async Task LockedRender_OfAChangedFilm_NamesTheChangedShot_AndDoesNotWriteTheLock()
    {
        using var folder = new TempFolder();
        var options = TestFilms.Options(folder.Path);
        var film = TestFilms.Short();
        var first = await new FilmRenderer().RenderAsync(film, options);
        var bytes = await File.ReadAllBytesAsync(first.LockFile);
        var edited = film with { Shots = film.Shots.SetItem(1, film.Shots[1].Motion(0.36)) };

        var locked = await new FilmRenderer().RenderAsync(edited, options with { Locked = true });

        var mismatch = Assert.Single(locked.Verification!.Mismatches);
        Assert.Equal("shots[1].takes[0]", mismatch.Path);
        Assert.StartsWith("shots[1] 'street' take A clip 02-street/A-seed12.mp4: hash ", mismatch.ToString(), StringComparison.Ordinal);
        Assert.Contains("; clipKey ", mismatch.Detail, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(first.LockFile));
    }

    [Fact]
    public async Task LockedRender_WithoutALockFile_StopsBeforeAnyWork()
    {
        using var folder = new TempFolder();
        var options = TestFilms.Options(folder.Path) with { Locked = true };

        var error = await Assert.ThrowsAsync<LockFileException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options));

        var lockFile = Path.Combine(options.OutputDirectory, "test-short", "film.lock.json");
        Assert.Equal(lockFile, error.LockFile);
        Assert.Equal($"no lock file at {lockFile}", error.Message);
        Assert.False(Directory.Exists(options.OutputDirectory));
        Assert.False(Directory.Exists(options.CacheDirectory));
    }

    [Fact]
    public async Task LockedRender_WithALockThatIsNotJson_SaysSo()
    {
        using var folder = new TempFolder();
        var lockFile = Path.Combine(folder.Path, "film.lock.json");
        await File.WriteAllTextAsync(lockFile, "<<<<<<< HEAD\n");
        var options = TestFilms.Options(folder.Path) with { Locked = true, LockFile = lockFile };

        var error = await Assert.ThrowsAsync<LockFileException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options));

        Assert.StartsWith($"{lockFile} is not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.Equal("<<<<<<< HEAD\n", await File.ReadAllTextAsync(lockFile));
    }

    [Fact]
    public async Task LockedRender_AfterAnAssetChangedUnderItsName_NamesTheFileAndItsHash()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "looks"));
        var lut = Path.Combine(folder.Path, "looks", "dusk.cube");
        await File.WriteAllTextAsync(lut, Cube(1.0));
        var film = TestFilms.Short().Grade(g => g.Exposure(0.1).Lut("looks/dusk.cube", 0.3));
        var first = await new FilmRenderer().RenderAsync(film, TestFilms.Options(folder.Path));
        var assets = JsonNode.Parse(await File.ReadAllTextAsync(first.LockFile))!["assets"]!.AsArray();
        Assert.Equal("looks/dusk.cube", (string?)Assert.Single(assets)!["path"]);
        var before = ArtefactKey.HashFile(lut);
        Assert.Equal(before, (string?)assets[0]!["sha256"]);

        await File.WriteAllTextAsync(lut, Cube(0.9));
        var second = await new FilmRenderer().RenderAsync(film, TestFilms.Options(folder.Path) with { Locked = true });

        var mismatch = Assert.Single(second.Verification!.Mismatches);
        Assert.Equal("assets[0].sha256 (looks/dusk.cube)", mismatch.Subject);
        Assert.StartsWith(before[..12], mismatch.Detail, StringComparison.Ordinal);
        Assert.Contains(ArtefactKey.HashFile(lut)[..12], mismatch.Detail, StringComparison.Ordinal);
    }

    // A 2-point identity .cube scaled by gain.
    private static string Cube(double gain)
    {
        var lines = new List<string> { "LUT_3D_SIZE 2" };
        for (var b = 0; b < 2; b++)
        {
            for (var g = 0; g < 2; g++)
            {
                for (var r = 0; r < 2; r++)
                {
                    lines.Add(FormattableString.Invariant($"{r * gain} {g * gain} {b * gain}"));
                }
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    private static JsonNode Node(FilmLock filmLock) => JsonNode.Parse(filmLock.ToJson())!;

    private static FilmLock Lock(IReadOnlyList<ShotLock> shots, string selected = "A", ClipEncoding? encoding = null, string? resolution = "192x108")
    {
        var previz = new BackendIdentity("previz", "1", []);
        return new FilmLock("Film", "0.1.0", "5.1", encoding ?? ClipEncoding.Default, previz, previz, previz, resolution, [], shots.Select(s => s with { Selected = selected }).ToList());
    }

    private static ShotLock Shot(int index, string name, params TakeLock[] takes) =>
        new(index, name, "A", takes.Select(t => t with { Clip = $"{index:00}-{name}/{t.Label}-seed{t.Seed}.mp4" }).ToList(), "worker-1");

    private static TakeLock Take(string label, int seed, string sha, TakeMadeBy? madeBy = null, string clipKey = "key") =>
        new(label, seed, string.Empty, clipKey, sha, 0, madeBy ?? new TakeMadeBy("worker-1", "worker-1"));
}
