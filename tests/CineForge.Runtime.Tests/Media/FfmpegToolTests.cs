using System.Diagnostics;
using CineForge.Runtime.Media;

namespace CineForge.Runtime.Tests.Media;

/// <summary>How ffmpeg is run: never blocked by a full pipe, never waiting for a free thread-pool thread.</summary>
public sealed class FfmpegToolTests
{
    private const string FullPoolCheckMode = "ffmpeg-on-a-full-pool";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public void ToolCalls_FromEveryThreadOfAFullThreadPool_Finish()
    {
        // Before, the standard error reader ran on pool work items and WaitForExit waited for them:
        // with every pool thread a caller, each waited forever, ffmpeg long gone.
        var (exitCode, output) = RunTestHost(FullPoolCheckMode);

        Assert.True(exitCode == 0, output);
        Assert.StartsWith("done: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locate_FfmpegThatLogsMuchOnStandardError_IsFound()
    {
        using var folder = new TempFolder();
        // A wrapper that logs two megabytes on standard error before the version: far over a pipe's buffer.
        var wrapper = ShellScripts.Write(folder.Path, "logging-ffmpeg", $"head -c 2097152 /dev/zero | tr '\\0' 'x' >&2\nexec {ShellScripts.FfmpegOnPath()} \"$@\"");

        var located = await Task.Run(() => FfmpegTool.Locate(wrapper)).WaitAsync(Limit);

        Assert.Equal(FfmpegTool.Default.Version, located.Version);
    }

    [Fact]
    public async Task Run_ReturnsStandardErrorLineByLine_ProgressLinesSplitAtCarriageReturns()
    {
        using var folder = new TempFolder();
        // Answers -version like ffmpeg (Locate asks); otherwise logs far more than a pipe holds.
        var wrapper = ShellScripts.Write(folder.Path, "ffmpeg", $"case \"$*\" in *-version*) exec {ShellScripts.FfmpegOnPath()} \"$@\";; esac\nseq 1 200000 >&2\nprintf 'progress 1\\rprogress 2\\r' >&2");
        var ffmpeg = FfmpegTool.Locate(wrapper);

        var log = await Task.Run(() => ffmpeg.Run(["-i", "nothing"], "log")).WaitAsync(Limit);

        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(200_002, lines.Length);
        Assert.Equal(new[] { "199999", "200000", "progress 1", "progress 2" }, lines[^4..]);
    }

    private static (int ExitCode, string Output) RunTestHost(params string[] arguments)
    {
        var host = Path.Combine(TestFilms.RepositoryRoot, "tests", "CineForge.Runtime.TestHost", "bin", Configuration(), "net10.0", "CineForge.Runtime.TestHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"the host did not end within {Limit}");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult() + errors.GetAwaiter().GetResult());
    }

    private static string Configuration() => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
