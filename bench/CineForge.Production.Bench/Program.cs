// The whole film through the library's one call (FilmProduction.RenderAsync), each figure a ratio
// against one bare x264 encode of the film's length at the same size timed in the same run, right
// before it: a full render from an empty store (with its stage split), a rerun with nothing changed,
// a rerun after one shot's Motion changed, and a rerun after only the grade changed. Median of the
// runs; the load average is printed with every figure, since a shared machine inflates both sides.
//   dotnet run -c Release --project bench/CineForge.Production.Bench [-- WIDTHxHEIGHT [RUNS [film.csx]]]
using System.Diagnostics;
using System.Globalization;
using CineForge;
using CineForge.Finishing;
using CineForge.Hosting;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Runtime.Media;
using CineForge.Runtime.Progress;

var size = args.Length > 0 ? args[0] : "1536x864";
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var root = FindRoot();
var script = args.Length > 2 ? Path.GetFullPath(args[2]) : Path.Combine(root, "examples", "cosmetic-ad", "film.csx");
var film = (await FilmScript.LoadAsync(script))[0];
var parts = size.Split('x');
var frame = new FrameSize(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
var ffmpeg = FfmpegTool.Default;
var work = Path.Combine(Path.GetTempPath(), "cineforge-production-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
try
{
    Console.WriteLine($"film: {film.Title}, {film.Shots.Count} shots, {N(film.Runtime)} s at {size}; {Environment.ProcessorCount} cores; ffmpeg {ffmpeg.Version}; {runs} runs; load {Load()}");
    var source = Path.Combine(work, "source.mp4");
    ffmpeg.Run(["-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration={N(film.Runtime)}", "-c:v", "libx264", "-crf", "18", "-pix_fmt", "yuv420p", source], "bench source");

    var oneShot = film with { Shots = film.Shots.SetItem(film.Shots.Count / 2, film.Shots[film.Shots.Count / 2] with { Motion = Math.Round(film.Shots[film.Shots.Count / 2].Motion + 0.05, 2) }) };
    var step = film.Grade.Steps[0];
    var gradeOnly = film with { Grade = film.Grade with { Steps = film.Grade.Steps.SetItem(0, step with { Amount = step.Amount + 0.05 }) } };

    var rows = new Dictionary<string, List<(double Seconds, double Baseline, string Load)>>();
    var splits = new List<Dictionary<string, double>>();
    for (var run = 0; run < runs; run++)
    {
        var options = new RenderOptions { OutputDirectory = Path.Combine(work, "run" + run), ScriptPath = script, Resolution = frame, LockFile = Path.Combine(work, "run" + run, "film.lock.json") };
        var clock = new StageClock();
        Measure("full render", () => Render(film, options, clock));
        splits.Add(clock.Split());
        Measure("no-change rerun", () => Render(film, options, null));
        Measure("one-shot Motion edit", () => Render(oneShot, options, null));
        Measure("grade-only edit", () => Render(gradeOnly, options with { }, null));
        Directory.Delete(options.OutputDirectory, recursive: true);
    }

    Console.WriteLine();
    Console.WriteLine($"| measure ({size}, median of {runs}) | seconds | bare encode, same run | ratio | load average (1, 5, 15 min) |");
    Console.WriteLine("|---|---:|---:|---:|---|");
    foreach (var (name, values) in rows)
    {
        var ratios = values.Select(v => v.Seconds / v.Baseline).ToList();
        var median = Median(ratios);
        var at = values.OrderBy(v => Math.Abs((v.Seconds / v.Baseline) - median)).First();
        Console.WriteLine($"| {name} | {N(Median(values.Select(v => v.Seconds)))} | {N(Median(values.Select(v => v.Baseline)))} | {N(median)}x | {at.Load} |");
    }

    Console.WriteLine();
    Console.WriteLine("full render, stage split (median seconds): " + string.Join(", ", splits[0].Keys.Select(k => $"{k} {N(Median(splits.Select(s => s.GetValueOrDefault(k))))}")));

    void Measure(string name, Action render)
    {
        var baseline = Time(() => ffmpeg.Run(["-i", source, "-c:v", "libx264", "-pix_fmt", "yuv420p", Path.Combine(work, "baseline.mp4")], "baseline encode"));
        var seconds = Time(render);
        var load = Load();
        Console.WriteLine($"{name}: {N(seconds)} s, bare encode {N(baseline)} s, {N(seconds / baseline)}x; load {load}");
        if (!rows.TryGetValue(name, out var list))
        {
            rows[name] = list = [];
        }

        list.Add((seconds, baseline, load));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

static void Render(Film film, RenderOptions options, StageClock? progress)
{
    progress?.Start();
    var result = new FilmProduction().RenderAsync(film, options, progress).GetAwaiter().GetResult();
    if (result.Finished is null)
    {
        throw new InvalidOperationException("the film did not finish: " + result.Stopped);
    }
}

static double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalSeconds;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CineForge.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("CineForge.sln not found");
}

// Stage times from the render's own events, read on the reporting thread: shots until the first
// finishing event, then each finishing stage until the next.
internal sealed class StageClock : IProgress<RenderEvent>
{
    private readonly Stopwatch watch = new();
    private readonly List<(string Stage, double At)> marks = [("shots", 0)];

    /// <summary>The render starts now: the bare encode timed before it is not the shots' time.</summary>
    public void Start() => watch.Restart();

    public void Report(RenderEvent value)
    {
        // A stage's first event marks its start; the export's frame counts that follow do not.
        if (value.IsFinishing && value.Frames == 0)
        {
            lock (marks)
            {
                marks.Add((value.Stage.ToString().ToLowerInvariant(), watch.Elapsed.TotalSeconds));
            }
        }
    }

    public Dictionary<string, double> Split()
    {
        var end = watch.Elapsed.TotalSeconds;
        return marks.Select((m, i) => (m.Stage, Seconds: (i + 1 < marks.Count ? marks[i + 1].At : end) - m.At)).ToDictionary(m => m.Stage, m => m.Seconds);
    }
}
