// The whole finishing pass (edit, grade, sound, exports, report) of the 30 s cosmetic-ad example,
// timed against one bare FFmpeg encode of the same length, size and frame rate in the same run,
// median of RUNS runs (5), with the load average of each.
// Takes are synthetic (testsrc2 with a colour cast per shot) so the bench needs no render part 1.
// REPEAT plays the ad's shots that many times over (a 120 s film with 4) to show that peak memory,
// the .NET process's and FFmpeg's (sampled from /proc while the pass runs), does not grow with length.
// MASTER names the master's codec (ProRes422Hq, the film's own, unless given: ProRes422, DnxHrHq).
//   dotnet run -c Release --project bench/CineForge.Finishing.Bench [-- WIDTHxHEIGHT [RUNS [REPEAT [MASTER]]]]
using System.Diagnostics;
using System.Globalization;
using CineForge;
using CineForge.Finishing;
using CineForge.Hosting;
using CineForge.Runtime.Media;
using CineForge.Runtime.Progress;

var size = args.Length > 0 ? args[0] : "1536x864";
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var repeat = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
MasterCodec? master = args.Length > 3 ? Enum.Parse<MasterCodec>(args[3], ignoreCase: true) : null;
var root = FindRoot();
var script = Path.Combine(root, "examples", "cosmetic-ad", "film.csx");
var ad = (await FilmScript.LoadAsync(script))[0];
var film = ad with { Shots = ValueList<Shot>.Empty };
if (master is { } codec)
{
    film = film.Export(e => e.Master(codec).Web().Mobile());
}

for (var r = 0; r < repeat; r++)
{
    film = film.Shots(ad.Shots.Select(s => r == 0 ? s : s.Named(s.Name + "-" + r)).ToArray());
}

var work = Path.Combine(Path.GetTempPath(), "cineforge-finishing-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
try
{
    Console.WriteLine($"film: {film.Title}, {film.Shots.Count} shots, {N(film.Runtime)} s, {size} @ 24 fps; {Environment.ProcessorCount} cores; ffmpeg {FfmpegTool.Default.Version}; master {master?.ToString() ?? "as the film says"}; load {Load()}");
    var selections = new List<ShotSelection>();
    var casts = new[] { "1:0.9:0.8", "0.85:0.92:1", "1:0.95:0.85", "0.9:1:0.9", "1:0.88:0.9", "0.9:0.95:1", "1:1:1" };
    for (var i = 0; i < film.Shots.Count; i++)
    {
        var shot = film.Shots[i];
        var c = casts[i % casts.Length].Split(':');
        var clip = Path.Combine(work, shot.Name + ".mp4");
        FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration={N(shot.Duration)}", "-vf", $"colorchannelmixer=rr={c[0]}:gg={c[1]}:bb={c[2]}", "-c:v", "libx264", "-crf", "18", "-pix_fmt", "yuv420p", clip }, "bench take");
        selections.Add(new ShotSelection(shot.Name, new TakeClip("A", clip, new Dictionary<string, double>())));
    }

    var source = Path.Combine(work, "source.mp4");
    FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration={N(film.Runtime)}", "-c:v", "libx264", "-crf", "18", "-pix_fmt", "yuv420p", source }, "bench source");

    double Baseline()
    {
        var watch = Stopwatch.StartNew();
        FfmpegTool.Default.Run(new[] { "-i", source, "-c:v", "libx264", "-pix_fmt", "yuv420p", Path.Combine(work, "baseline.mp4") }, "baseline encode");
        return watch.Elapsed.TotalSeconds;
    }

    // Each run: a bare encode, then the whole finishing pass from an empty work folder; the ratio is
    // taken within the run, and the median over the runs is reported with each run's load average.
    FinishingResult? result = null;
    var ratios = new List<(double Ratio, double Total, double Baseline, string Load, List<(string Stage, double Seconds)> Stages)>();
    for (var run = 0; run < runs; run++)
    {
        var baseline = Baseline();
        var stages = new List<(string Stage, double At)>();
        using var memory = new PeakMemory();
        var finishing = Stopwatch.StartNew();
        var request = new FinishingRequest
        {
            Film = film,
            Selections = selections,
            FilmDirectory = Path.GetDirectoryName(script)!,
            OutputDirectory = Path.Combine(work, "out" + run),
            ScriptPath = script,
        };
        result = new FinishingPipeline().Run(request, new StageClock(e =>
        {
            if (e.Frames == 0)
            {
                stages.Add((e.Stage.ToString().ToLowerInvariant(), finishing.Elapsed.TotalSeconds));
            }
        }));
        var total = finishing.Elapsed.TotalSeconds;
        var (selfPeak, ffmpegPeak) = memory.Stop();
        var load = Load();
        var split = stages.Select((s, i) => (s.Stage, (i + 1 < stages.Count ? stages[i + 1].At : total) - s.At)).ToList();
        ratios.Add((total / baseline, total, baseline, load, split));
        Console.WriteLine($"run {run + 1}: finishing {N(total)} s, bare encode {N(baseline)} s, {N(total / baseline)}x; load {load}; peak RSS: this process {selfPeak / 1048576} MiB, largest ffmpeg {ffmpegPeak / 1048576} MiB; " + string.Join(", ", split.Select(s => $"{s.Item1} {N(s.Item2)} s")));
        Directory.Delete(request.OutputDirectory, recursive: true);
    }

    var median = ratios.OrderBy(r => r.Ratio).ElementAt(ratios.Count / 2);
    Console.WriteLine($"median of {runs}: finishing pass {N(median.Total)} s = {N(median.Ratio)}x the bare encode ({N(median.Baseline)} s) in the same run; load {median.Load}");
    foreach (var (stage, seconds) in median.Stages)
    {
        Console.WriteLine($"  {stage,-7} {N(seconds),7} s  ({N(seconds / median.Baseline)}x baseline)");
    }

    Console.WriteLine("stems: " + string.Join(", ", result!.Sound.Stems.Select(s => $"{s.Name} {N(s.Measured.Integrated)} LUFS")));
}
finally
{
    Directory.Delete(work, recursive: true);
}

static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CineForge.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("CineForge.sln not found");
}

// The peak resident memory of this process (VmHWM) and of the largest ffmpeg child seen while it runs
// (its VmHWM, read from /proc 20 times a second, so a peak in its last 50 ms can be missed).
internal sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> children;

    public PeakMemory() => children = Task.Run(async () =>
    {
        long peak = 0;
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        while (!stop.IsCancellationRequested)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    var status = File.ReadAllLines(Path.Combine(dir, "status"));
                    if (status.Any(l => l == "PPid:\t" + self) && status.Any(l => l.StartsWith("Name:", StringComparison.Ordinal) && l.Contains("ffmpeg", StringComparison.Ordinal)))
                    {
                        peak = Math.Max(peak, Kilobytes(status, "VmHWM:") * 1024);
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        return peak;
    });

    public (long Self, long Ffmpeg) Stop()
    {
        stop.Cancel();
        return (Kilobytes(File.ReadAllLines("/proc/self/status"), "VmHWM:") * 1024, children.GetAwaiter().GetResult());
    }

    public void Dispose() => stop.Cancel();

    private static long Kilobytes(string[] status, string field) =>
        status.Where(l => l.StartsWith(field, StringComparison.Ordinal)).Select(l => long.Parse(l.Split(' ', '\t').Where(p => p.Length > 0).ElementAt(1), CultureInfo.InvariantCulture)).FirstOrDefault();
}

// Reports on the reporting thread, so each stage's start time is read when it starts.
internal sealed class StageClock(Action<RenderEvent> onEvent) : IProgress<RenderEvent>
{
    public void Report(RenderEvent value) => onEvent(value);
}
