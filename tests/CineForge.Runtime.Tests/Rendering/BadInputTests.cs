namespace CineForge.Runtime.Tests.Rendering;

public sealed class BadInputTests
{
    [Fact]
    public async Task MissingAsset_FailsBeforeAnyShot_NamingTheFile()
    {
        using var folder = new TempFolder();
        var film = TestFilms.Short().Sound(s => s.Ambience("assets/rain-street.wav"));
        var options = TestFilms.Options(folder.Path);

        var error = await Assert.ThrowsAsync<RenderException>(() => new FilmRenderer().RenderAsync(film, options));

        Assert.Contains("assets/rain-street.wav", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.OutputDirectory));
    }

    [Fact]
    public async Task UnwritableOutputFolder_FailsBeforeAnyShot_NamingTheFolder()
    {
        using var folder = new TempFolder();
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the output folder should be");
        var options = TestFilms.Options(folder.Path) with { OutputDirectory = Path.Combine(blocker, "out") };

        var error = await Assert.ThrowsAsync<RenderException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options));

        Assert.Contains("not writable", error.Message, StringComparison.Ordinal);
        Assert.Contains(blocker, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FfmpegMissing_FailsWithInstallHint()
    {
        using var folder = new TempFolder();
        var options = TestFilms.Options(folder.Path) with { FfmpegPath = Path.Combine(folder.Path, "no-such-ffmpeg") };

        var error = await Assert.ThrowsAsync<RenderException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options));

        Assert.Contains("ffmpeg not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y ffmpeg", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.4.2")]
    [InlineData("5.0.3")]
    public async Task FfmpegTooOld_FailsNamingTheVersion(string version)
    {
        using var folder = new TempFolder();
        var fake = ShellScripts.Write(folder.Path, "old-ffmpeg", $"echo 'ffmpeg version {version} Copyright (c) 2000-2021 the FFmpeg developers'; echo 'configuration: --enable-libx264'");
        var options = TestFilms.Options(folder.Path) with { FfmpegPath = fake };

        var error = await Assert.ThrowsAsync<RenderException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options));

        Assert.Contains(version, error.Message, StringComparison.Ordinal);
        Assert.Contains("5.1 or newer", error.Message, StringComparison.Ordinal);
        Assert.Contains("too old", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncoderFailsAtSecondShot_KeepsFirstShot_LeavesNothingHalfWritten()
    {
        using var folder = new TempFolder();
        var counter = Path.Combine(folder.Path, "encodes");
        var real = ShellScripts.FfmpegOnPath();

        // Answers -version like the real ffmpeg; the second encode fails as a full disk would.
        var fake = ShellScripts.Write(folder.Path, "flaky-ffmpeg", $"""
            case "$*" in *-version*) exec {real} "$@";; esac
            echo x >> {counter}
            if [ "$(wc -l < {counter})" -ge 2 ]; then cat > /dev/null; echo 'Error writing trailer: No space left on device' >&2; exit 1; fi
            exec {real} "$@"
            """);
        var options = TestFilms.Options(folder.Path) with { FfmpegPath = fake };

        var error = await Assert.ThrowsAsync<RenderException>(() => new FilmRenderer().RenderAsync(TestFilms.Short(), options));

        Assert.Contains("Shot #2 'street'", error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        var filmFolder = Path.Combine(options.OutputDirectory, "test-short");
        Assert.True(File.Exists(Path.Combine(filmFolder, "01-waiting", "A-seed11.mp4")));
        Assert.DoesNotContain(Directory.EnumerateFiles(filmFolder, "*.mp4", SearchOption.AllDirectories), f => !f.Contains("01-waiting", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(filmFolder, "film.lock.json")));
    }
}
