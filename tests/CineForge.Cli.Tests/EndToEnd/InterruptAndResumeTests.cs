using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CineForge.Runtime.Tests;
using Xunit.Abstractions;

namespace CineForge.Cli.Tests.EndToEnd;

/// <summary>
/// SIGINT and SIGTERM during a real render (the built command, examples/mini-case at 64x36), at six moments
/// from a shot's clip being encoded to the report: each time the command says where it stopped and exits
/// 130 within 2 s, leaving no temporary file, staging folder, render lock or ffmpeg; the render after them
/// succeeds, and its exports are byte for byte those of an uninterrupted render.
/// </summary>
public sealed partial class InterruptAndResumeTests(ITestOutputHelper log) : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly TimeSpan CleanExitLimit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RenderLimit = TimeSpan.FromMinutes(8);
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public async Task InterruptedAtSixMoments_EachExits130Clean_AndTheResumedExportsEqualACleanRenders()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "POSIX signals and /proc: Linux only");

        // The uninterrupted reference renders beside the interrupted series.
        var clean = Task.Run(() => CliProcess.Run(temp.Combine("script-cache"), null, new Dictionary<string, string?>(), RenderLimit, RenderArguments(temp.Combine("clean"))));

        // A child inherits an ignored SIGINT (a test run started in the background without job control) and could never see one.
        var interrupt = SignalIgnoredHere(SigInt) ? SigTerm : SigInt;
        if (interrupt != SigInt)
        {
            log.WriteLine("SIGINT is ignored by this test process, so by its children: SIGTERM throughout.");
        }

        var folder = temp.Combine("resumed");
        Moment[] moments =
        [
            Moment.ClipEncoding(afterClips: 0, interrupt),
            Moment.ClipEncoding(afterClips: 2, SigTerm),
            Moment.Finishing("edit", interrupt),
            Moment.Finishing("grade", SigTerm),
            Moment.Finishing("export", interrupt),
            Moment.Finishing("report", SigTerm),
        ];
        foreach (var moment in moments)
        {
            Interrupt(folder, moment);
        }

        var resumed = CliProcess.Run(temp.Combine("script-cache"), null, new Dictionary<string, string?>(), RenderLimit, RenderArguments(folder));
        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Output + resumed.Errors);
        var reference = await clean;
        Assert.True(reference.ExitCode == ExitCodes.Success, reference.Output + reference.Errors);
        AssertSameFiles(ExportsOf(temp.Combine("clean")), ExportsOf(folder));
        Assert.Empty(Leftovers(folder));
    }

    private static string[] RenderArguments(string folder) =>
        ["render", "examples/mini-case/film.csx", "--no-progress", "--resolution", "64x36", "--out", Path.Combine(folder, "out"), "--lock", Path.Combine(folder, "film.lock.json")];

    private static string ExportsOf(string folder) => Path.Combine(folder, "out", "rain-check", "exports");

    // Runs the render until the moment comes, signals it, and checks how it ended.
    private void Interrupt(string folder, Moment moment)
    {
        var lines = new ConcurrentQueue<string>();
        using var process = CliProcess.Start(temp.Combine("script-cache"), null, new Dictionary<string, string?>(), [], RenderArguments(folder));
        var errors = process.StandardError.ReadToEndAsync();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        var seen = new List<string>();
        var clock = Stopwatch.StartNew();
        while (!moment.HasCome(folder, seen))
        {
            while (lines.TryDequeue(out var line))
            {
                seen.Add(line);
            }

            Assert.False(process.HasExited, $"the render ended before {moment.Name}: {string.Join(" | ", seen)}");
            Assert.True(clock.Elapsed < RenderLimit, $"{moment.Name} never came: {string.Join(" | ", seen)}");
            Thread.Sleep(5);
        }

        Assert.Equal(0, Kill(process.Id, moment.Signal));
        var stopping = Stopwatch.StartNew();
        Assert.True(process.WaitForExit(RenderLimit), $"no exit after {moment.Name}");
        var stopped = stopping.Elapsed;
        process.WaitForExit();
        while (lines.TryDequeue(out var line))
        {
            seen.Add(line);
        }

        var said = seen.LastOrDefault(l => l.StartsWith("cineforge: render interrupted ", StringComparison.Ordinal));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{moment.Name}: {(moment.Signal == SigInt ? "SIGINT" : "SIGTERM")}, exit {process.ExitCode} after {stopped.TotalMilliseconds:0} ms: {said}"));
        Assert.True(process.ExitCode == ExitCodes.Cancelled, $"{moment.Name}: exit {process.ExitCode}: {string.Join(" | ", seen)} {errors.Result}");
        Assert.True(stopped <= CleanExitLimit, $"{moment.Name}: the command took {stopped.TotalMilliseconds:0} ms to stop");
        Assert.True(said?.StartsWith(moment.Says, StringComparison.Ordinal) == true, $"{moment.Name}: expected '{moment.Says}...', got: {string.Join(" | ", seen)}");
        Assert.Empty(Leftovers(folder));
        Assert.Empty(Processes.WithArgumentContaining(folder));
    }

    // Temporary files, staging and set-aside folders, and the render lock: what a render that stops cleanly removes.
    private static List<string> Leftovers(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".tmp", StringComparison.Ordinal) || StagedFolder().IsMatch(Path.GetFileName(p)) || Path.GetFileName(p) == ".render.lock")
            .ToList();

    private static void AssertSameFiles(string expected, string actual)
    {
        var files = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(actual, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actual, f)).Order(StringComparer.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".mov", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"exports/{file} differs from the clean render's");
        }
    }

    // SigIgn in /proc/self/status: the mask of signals this process ignores, bit n-1 for signal n.
    private static bool SignalIgnoredHere(int signal)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"\.(staging|old)-[0-9a-f]{8}$")]
    private static partial Regex StagedFolder();

    /// <summary>When to interrupt, and what the command must then say.</summary>
    private sealed record Moment(string Name, Func<string, IReadOnlyList<string>, bool> HasCome, string Says, int Signal)
    {
        // A clip is being encoded into the store (its temporary file exists) once that many shots have theirs.
        public static Moment ClipEncoding(int afterClips, int signal) => new(
            $"a clip being encoded after {afterClips} finished",
            (folder, _) => Files(Path.Combine(folder, "out", "rain-check"), "A-seed*.mp4").Count() >= afterClips && Files(Path.Combine(folder, "out", ".cineforge"), "*.mp4.*.tmp").Any(),
            "cineforge: render interrupted in shot ",
            signal);

        // The finishing stage has just started: without a terminal the command prints its name.
        public static Moment Finishing(string stage, int signal) => new(
            "finishing: " + stage,
            (_, lines) => lines.Contains("cineforge: " + stage),
            $"cineforge: render interrupted in finishing ({stage})",
            signal);

        private static IEnumerable<string> Files(string folder, string pattern) =>
            Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories) : [];
    }
}
