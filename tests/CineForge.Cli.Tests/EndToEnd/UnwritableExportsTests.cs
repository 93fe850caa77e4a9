using System.Runtime.Versioning;

namespace CineForge.Cli.Tests.EndToEnd;

/// <summary>
/// An exports folder that cannot be written, found only when the exports are published after every
/// other stage: exit 4 (not 2, not 70), and the message names the stage and the folder. chmod does not
/// stop root, so as root the command runs as nobody (setpriv); where that cannot be done the test is
/// skipped and says why.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class UnwritableExportsTests : IDisposable
{
    private const string Nobody = "65534";
    private const UnixFileMode ReadAndList = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private readonly TempFolder temp = new();

    public void Dispose()
    {
        // Writable again, or the folder could not be removed.
        foreach (var folder in Directory.EnumerateDirectories(temp.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(folder, ReadAndList | UnixFileMode.UserWrite);
        }

        temp.Dispose();
    }

    [SkippableFact]
    public void ExportsFolderNotWritable_FailsWhenPublishing_Exit4_NamingTheStageAndTheFolder()
    {
        var launcher = Unprivileged();
        var exports = temp.Combine("out", "rain-check", "exports");

        // What an earlier render published: the manifest and the file it lists.
        Directory.CreateDirectory(Path.Combine(exports, "web"));
        File.WriteAllText(Path.Combine(exports, "web", "rain-check.mp4"), "an earlier export");
        File.WriteAllText(Path.Combine(exports, ".cineforge-exports.json"), "[\"web/rain-check.mp4\"]");
        if (launcher.Count > 0)
        {
            Assert.Equal(0, Tool("chown", "-R", $"{Nobody}:{Nobody}", temp.Path));
        }

        File.SetUnixFileMode(exports, ReadAndList);

        var run = CliProcess.Run(
            temp.Combine("script-cache"),
            null,
            new Dictionary<string, string?> { ["HOME"] = temp.Path },
            TimeSpan.FromMinutes(8),
            launcher,
            "render", "examples/mini-case/film.csx", "--no-progress", "--resolution", "64x36", "--out", temp.Combine("out"), "--lock", temp.Combine("film.lock.json"));

        Assert.True(run.ExitCode == ExitCodes.RenderFailed, $"exit {run.ExitCode}: {run.Output}{run.Errors}");
        var failure = Assert.Single(run.Lines, l => l.StartsWith("cineforge: render failed", StringComparison.Ordinal));
        Assert.StartsWith("cineforge: render failed in finishing (export): ", failure, StringComparison.Ordinal);
        Assert.Contains(exports, failure, StringComparison.Ordinal);
        Assert.Empty(run.Errors);
        Assert.DoesNotContain(Directory.EnumerateDirectories(temp.Combine("out", "rain-check")), d => d.Contains(".staging-", StringComparison.Ordinal));
    }

    // The words that run the command as a user chmod binds: none for a user already, setpriv for root.
    private static IReadOnlyList<string> Unprivileged()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return [];
        }

        var setpriv = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, "setpriv")).FirstOrDefault(File.Exists);
        Skip.If(setpriv is null, "running as root, where chmod does not stop a write, and setpriv (util-linux) is not installed to run the command as nobody");
        string[] launcher = [setpriv!, "--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups"];
        using var scratch = new TempFolder();
        var probe = CliProcess.Run(scratch.Path, null, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1), launcher, "--help");
        Skip.If(probe.ExitCode != 0, $"running as root, where chmod does not stop a write, and nobody cannot run {CliProcess.Assembly} here: {probe.Errors}");
        return launcher;
    }

    private static int Tool(string name, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(name, args);
        process.WaitForExit();
        return process.ExitCode;
    }
}
