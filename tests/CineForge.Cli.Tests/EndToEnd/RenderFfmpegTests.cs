namespace CineForge.Cli.Tests.EndToEnd;

/// <summary><c>render --ffmpeg PATH</c>: the named ffmpeg (and the ffprobe beside it) is the only one the whole render runs, clips and finishing alike.</summary>
public sealed class RenderFfmpegTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void RenderWithFfmpeg_RunsOnlyThatFfmpeg_ForClipsAndFinishing()
    {
        var named = Directory.CreateDirectory(temp.Combine("named")).FullName;
        var shadow = Directory.CreateDirectory(temp.Combine("shadow")).FullName;
        var namedLog = temp.Combine("named.log");
        var shadowLog = temp.Combine("shadow.log");
        foreach (var tool in new[] { "ffmpeg", "ffprobe" })
        {
            // The named pair logs each call and runs the real tool; the PATH's pair logs and fails.
            Script(Path.Combine(named, tool), $"echo \"{tool} $*\" >> '{namedLog}'\nexec '{OnPath(tool)}' \"$@\"");
            Script(Path.Combine(shadow, tool), $"echo \"{tool} $*\" >> '{shadowLog}'\nexit 1");
        }

        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = shadow + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["CINEFORGE_FFMPEG"] = null,
            ["CINEFORGE_FFPROBE"] = null,
        };
        var run = CliProcess.Run(
            temp.Combine("cache"),
            null,
            environment,
            TimeSpan.FromMinutes(8),
            "render", "examples/mini-case/film.csx", "--no-progress", "--resolution", "64x36", "--out", temp.Combine("out"), "--lock", temp.Combine("film.lock.json"), "--ffmpeg", Path.Combine(named, "ffmpeg"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Errors);
        Assert.False(File.Exists(shadowLog), File.Exists(shadowLog) ? "the PATH's tools ran: " + File.ReadAllText(shadowLog) : null);
        var calls = File.ReadAllLines(namedLog);
        Assert.Contains(calls, c => c.StartsWith("ffmpeg ", StringComparison.Ordinal) && c.Contains("-f rawvideo -pix_fmt yuv420p", StringComparison.Ordinal) && c.Contains("libx264", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("ffprobe ", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("ffmpeg ", StringComparison.Ordinal) && c.Contains("ebur128", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("ffmpeg ", StringComparison.Ordinal) && c.Contains("prores_aw", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("cineforge: report: ", StringComparison.Ordinal));
    }

    private static void Script(string path, string body)
    {
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string OnPath(string tool)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException($"{tool} is not on the PATH.");
}
