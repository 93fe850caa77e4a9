using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Progress;

namespace CineForge.Runtime.Tests.Rendering;

/// <summary>
/// A cancelled render leaves nothing behind it (no ffmpeg, no temporary file, no lock), a render that
/// starts removes what dead renders left, and the render lock covers the work done under it.
/// </summary>
public sealed class CleanStopTests : IDisposable
{
    private static readonly FrameSize Tiny = new(64, 36);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task CancelledMidShot_KillsItsFfmpeg_RemovesItsTemporaries_AndReleasesTheLock()
    {
        var options = TestFilms.Options(folder.Path) with { Resolution = Tiny };
        using var cancel = new CancellationTokenSource();
        RenderEvent? stoppedAt = null;
        var progress = new Inline(e =>
        {
            // Half-way through the second shot's clip: its encoder runs and its temporary file is open.
            if (e is { ShotIndex: 2, Stage: RenderStage.Animate } && e.Frame * 2 >= e.Frames && stoppedAt is null)
            {
                stoppedAt = e;
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options, progress, cancel.Token));

        Assert.NotNull(stoppedAt);
        Assert.Empty(Processes.WithArgumentContaining(folder.Path));
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories));
        var filmDirectory = Path.Combine(options.OutputDirectory, "test-short");
        Assert.False(File.Exists(Path.Combine(filmDirectory, FilmRenderer.RenderLockName)));
        Assert.True(File.Exists(Path.Combine(filmDirectory, "01-waiting", "A-seed11.mp4")), "the finished first shot was not kept");
    }

    [Fact]
    public async Task RenderThatStarts_RemovesWhatDeadRendersLeft_AndKeepsWhatOthersMayStillWrite()
    {
        var options = TestFilms.Options(folder.Path) with { Resolution = Tiny, LockFile = Path.Combine(folder.Path, "film.lock.json") };
        var filmDirectory = Path.Combine(options.OutputDirectory, "test-short");
        var dead = new TempWriter(Processes.DeadId(), TempWriter.Current.Host);
        var deadLeftovers = new[]
        {
            Temp(Path.Combine(options.StoreDirectory, "objects", "ab", "ab12.mp4"), dead),
            Temp(Path.Combine(filmDirectory, "02-street", "A-seed12.mp4"), dead),
            Temp(options.LockFile, dead),
        };
        var elsewhere = Temp(Path.Combine(options.StoreDirectory, "objects", "cd", "cd34.mp4"), new TempWriter(dead.ProcessId, "render-node-7"));
        var staging = Path.Combine(filmDirectory, "exports.staging-0a1b2c3d");
        var setAside = Path.Combine(filmDirectory, "report.old-4e5f6a7b");
        foreach (var path in new[] { staging, setAside })
        {
            Directory.CreateDirectory(path);
            await File.WriteAllTextAsync(Path.Combine(path, "half.mov"), "half an export");
        }

        await new FilmRenderer().RenderAsync(TestFilms.Short(), options);

        Assert.All(deadLeftovers, path => Assert.False(File.Exists(path), path));
        Assert.False(Directory.Exists(staging));
        Assert.False(Directory.Exists(setAside));
        Assert.True(File.Exists(elsewhere), "a fresh temporary file of another host was removed");
    }

    [Fact]
    public async Task RenderLock_IsHeldUntilTheWorkUnderItEnds()
    {
        var options = TestFilms.Options(folder.Path) with { Resolution = Tiny };
        var lockFile = Path.Combine(options.OutputDirectory, "test-short", FilmRenderer.RenderLockName);

        var refused = await new FilmRenderer().RenderAsync(TestFilms.Short(), options, null, async (_, _) =>
        {
            // Finishing runs here: a second render of the folder must wait its turn.
            var error = await Assert.ThrowsAsync<RenderException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options));
            Assert.True(File.Exists(lockFile));
            return error;
        }, CancellationToken.None);

        Assert.Contains("is being rendered by another process", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(lockFile));
    }

    private static string Temp(string path, TempWriter writer)
    {
        var temp = AtomicFile.TempPath(path, writer);
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        File.WriteAllText(temp, "half a file");
        return temp;
    }

    private sealed class Inline(Action<RenderEvent> report) : IProgress<RenderEvent>
    {
        public void Report(RenderEvent value) => report(value);
    }
}
