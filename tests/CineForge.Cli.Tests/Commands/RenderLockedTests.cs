using System.Text.RegularExpressions;
using CineForge.Cli.Commands.Render;

namespace CineForge.Cli.Tests.Commands;

/// <summary><c>render --locked</c>: the committed lock is checked, never rewritten; a difference or a missing lock is exit 5.</summary>
public sealed class RenderLockedTests(RenderedMiniCase rendered) : IClassFixture<RenderedMiniCase>, IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Locked_OnAnUnchangedFilm_Exit0_AndTheLockKeepsItsBytesAndTime()
    {
        var bytes = await File.ReadAllBytesAsync(rendered.LockFile);
        var written = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(rendered.LockFile, written);

        var (exitCode, cli) = await RenderedMiniCase.RenderAsync(rendered.Output, rendered.LockFile, "--locked");

        Assert.True(exitCode == ExitCodes.Success, cli.Console.Output);
        Assert.Contains("cineforge: render --locked: everything rendered matches film.lock.json; the lock was not rewritten.", cli.Lines);
        Assert.Contains(cli.Lines, l => l.StartsWith("cineforge: nothing to render: every clip is up to date in ", StringComparison.Ordinal));
        Assert.StartsWith("cineforge: report: ", cli.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(rendered.LockFile));
        Assert.Equal(written, File.GetLastWriteTimeUtc(rendered.LockFile));
    }

    [Fact]
    public async Task Locked_WithAnEditedHashInTheLock_Exit5_NamesTheArtefact_AndLeavesTheLockAlone()
    {
        var lockFile = temp.Combine("film.lock.json");
        var text = await File.ReadAllTextAsync(rendered.LockFile);
        var hashes = Regex.Matches(text, "\"clipSha256\": \"([0-9a-f]{64})\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, hashes.Count);
        var made = hashes[1];
        var edited = (made[0] == '0' ? "1" : "0") + made[1..];
        await File.WriteAllTextAsync(lockFile, text.Replace(made, edited, StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(lockFile);
        var written = File.GetLastWriteTimeUtc(lockFile);

        var (exitCode, cli) = await RenderedMiniCase.RenderAsync(rendered.Output, lockFile, "--locked");

        Assert.Equal(ExitCodes.LockMismatch, exitCode);
        Assert.Equal(
            [
                $"cineforge: render --locked: shots[1] 'waiting' take A clip 02-waiting/A-seed2.mp4: hash {edited[..12]}… in film.lock.json, {made[..12]}… rendered",
                "cineforge: 1 entry differs from film.lock.json; the lock was not rewritten.",
            ],
            cli.Lines[^2..]);
        Assert.DoesNotContain(cli.Lines, l => l.StartsWith("changed since", StringComparison.Ordinal) || l.StartsWith("cineforge: report: ", StringComparison.Ordinal));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(lockFile));
        Assert.Equal(written, File.GetLastWriteTimeUtc(lockFile));
    }

    [Fact]
    public async Task Locked_AtAnotherResolution_Exit5_NamesTheSettingAndEveryClip()
    {
        var lockFile = temp.Combine("film.lock.json");
        File.Copy(rendered.LockFile, lockFile);
        var bytes = await File.ReadAllBytesAsync(lockFile);

        var (exitCode, cli) = await RenderedMiniCase.RenderAsync(temp.Combine("out"), lockFile, "--locked", "--resolution", "96x54");

        Assert.Equal(ExitCodes.LockMismatch, exitCode);
        var lines = cli.Lines.Where(l => l.StartsWith("cineforge: render --locked: ", StringComparison.Ordinal)).ToList();
        Assert.Equal("cineforge: render --locked: forcedResolution: 64x36 in film.lock.json, 96x54 rendered", lines[0]);
        Assert.Equal(4, lines.Count(l => l.Contains(" take A clip ", StringComparison.Ordinal) && l.Contains(": hash ", StringComparison.Ordinal)));
        Assert.Equal("cineforge: 5 entries differ from film.lock.json; the lock was not rewritten.", cli.Lines[^1]);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(lockFile));
    }

    [Fact]
    public async Task Locked_WithoutALockFile_Exit5_SaysSo_AndRendersNothing()
    {
        var lockFile = temp.Combine("film.lock.json");

        var (exitCode, cli) = await RenderedMiniCase.RenderAsync(temp.Combine("out"), lockFile, "--locked");

        Assert.Equal(ExitCodes.LockMismatch, exitCode);
        Assert.Equal($"cineforge: render --locked: no lock file at {lockFile}: render once without --locked and commit the lock file; nothing was rendered.", cli.Lines[^1]);
        Assert.False(File.Exists(lockFile));
        Assert.False(Directory.Exists(temp.Combine("out")));
    }
}

/// <summary>The mini case rendered once, as a draft, by a plain <c>render</c> that wrote its lock: what the locked renders check against.</summary>
public sealed class RenderedMiniCase : IDisposable
{
    private readonly TempFolder temp = new();

    public RenderedMiniCase()
    {
        var (exitCode, cli) = RenderAsync(Output, LockFile).GetAwaiter().GetResult();
        Assert.True(exitCode == ExitCodes.Success, cli.Console.Output);
        Assert.True(File.Exists(LockFile));
    }

    public string Output => temp.Combine("out");

    public string LockFile => temp.Combine("film.lock.json");

    /// <summary><c>cineforge render examples/mini-case/film.csx</c> in-process at 64x36 (unless <paramref name="extra"/> names a resolution).</summary>
    internal static async Task<(int ExitCode, TestCli Cli)> RenderAsync(string output, string lockFile, params string[] extra)
    {
        var cli = new TestCli(new RuntimeFilmRenderer());
        string[] args = ["render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-progress", "--out", output, "--lock", lockFile];
        string[] draft = extra.Contains("--resolution") ? [] : ["--resolution", "64x36"];
        var exitCode = await cli.Cli.InvokeAsync([.. args, .. draft, .. extra]);
        return (exitCode, cli);
    }

    public void Dispose() => temp.Dispose();
}
