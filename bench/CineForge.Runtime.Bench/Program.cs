// Runtime benchmarks, timed against a baseline in the same run (ratios, not absolute numbers).
//   pipeline [seconds] [WxH]   stage pipeline fps (animate + 4:2:0 + QA + encode) vs a bare ffmpeg
//                              encode of the same frames read from a raw file, same encoder settings
//   stages [seconds] [WxH]     CPU time per frame of each step, without the encoder
//   memory <seconds> [WxH]     one clip through the pipeline; prints this process's and ffmpeg's peak RSS
// A plain Stopwatch harness rather than BenchmarkDotNet: each measurement is one multi-second clip
// including an external process, which BenchmarkDotNet's many-iteration model does not fit.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CineForge;
using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;
using CineForge.Runtime.Stages.Select.Qa;

var mode = args.Length > 0 ? args[0] : "pipeline";
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var size = args.Length > 2 ? args[2].Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1920, 1080];
var (width, height) = (size[0], size[1]);
var ffmpeg = FfmpegTool.Locate();
var encoding = ClipEncoding.Default;
var work = Path.Combine(Path.GetTempPath(), "cineforge-bench-" + Environment.ProcessId);
Directory.CreateDirectory(work);
try
{
    var (keyframe, take, keyframeSeconds) = Keyframe(width, height, seconds);
    var path = AnimateStage.PathOf(take, new FrameSize(width, height));
    Console.WriteLine($"ffmpeg {ffmpeg.Version}, x264 preset {encoding.Preset} crf {encoding.Crf} threads {encoding.Threads}; {Environment.ProcessorCount} cores; {width}x{height}, {path.Frames} frames");
    Console.WriteLine($"keyframe (previz, {keyframe.Image.Width}x{keyframe.Image.Height} with overscan): {keyframeSeconds:0.00} s");

    if (mode == "stages")
    {
        // CPU cost per frame of each pipeline step, without the encoder.
        var animate = new Stopwatch();
        var convert = new Stopwatch();
        var measure = new Stopwatch();
        var analyzer = new ClipAnalyzer(width, height, new QaContext(24, path.MeanDisplacement(), null));
        var yuv = new YuvFrame(width, height);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        animate.Start();
        new PrevizAnimator().Animate(keyframe, new AnimationRequest(path, 24, Recommended.DefaultGrain, take.Seed), f =>
        {
            animate.Stop();
            convert.Start();
            yuv.Load(f.Image);
            convert.Stop();
            measure.Start();
            analyzer.Add(yuv, f.Subject);
            measure.Stop();
            animate.Start();
        }, default);
        animate.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / path.Frames;
        Console.WriteLine($"per frame (wall): animate {animate.Elapsed.TotalMilliseconds / path.Frames:0.0} ms, 4:2:0 {convert.Elapsed.TotalMilliseconds / path.Frames:0.0} ms, QA {measure.Elapsed.TotalMilliseconds / path.Frames:0.0} ms; CPU {cpu:0.0} ms per frame in all");
        return 0;
    }

    if (mode == "memory")
    {
        var elapsed = await Pipeline(keyframe, take, path, Path.Combine(work, "clip.mp4"), null);
        Console.WriteLine($"pipeline: {path.Frames / elapsed:0.00} fps; peak RSS: runtime process {PeakRss.Self() / 1048576.0:0} MiB, ffmpeg {PeakRss.Children() / 1048576.0:0} MiB");
        return 0;
    }

    var raw = Path.Combine(work, "frames.yuv");
    var cpu0 = Cpu.Now();
    var pipelineSeconds = await Pipeline(keyframe, take, path, Path.Combine(work, "pipeline.mp4"), raw);
    var cpu1 = Cpu.Now();
    var bareSeconds = await BareEncode(raw, Path.Combine(work, "bare.mp4"));
    var cpu2 = Cpu.Now();
    var pipelineFps = path.Frames / pipelineSeconds;
    var bareFps = path.Frames / bareSeconds;
    Console.WriteLine($"stage pipeline: {pipelineFps:0.00} fps ({pipelineSeconds:0.00} s)");
    Console.WriteLine($"bare ffmpeg encode of the same frames: {bareFps:0.00} fps ({bareSeconds:0.00} s)");
    Console.WriteLine($"ratio: {pipelineFps / bareFps:0.00}x (target >= 0.8x)");

    // CPU seconds do not depend on what else the machine runs: frames per CPU-second is the
    // throughput an otherwise idle machine, with every core busy, would see.
    var pipelineCpu = (cpu1.Self - cpu0.Self - cpu1.RawWrite) + (cpu1.Children - cpu0.Children);
    var bareCpu = cpu2.Children - cpu1.Children;
    Console.WriteLine($"CPU: pipeline {pipelineCpu:0.0} s (runtime {cpu1.Self - cpu0.Self - cpu1.RawWrite:0.0} s + ffmpeg {cpu1.Children - cpu0.Children:0.0} s), bare ffmpeg {bareCpu:0.0} s; CPU-time ratio {bareCpu / pipelineCpu:0.00}x");
    Console.WriteLine($"same bytes: {File.ReadAllBytes(Path.Combine(work, "pipeline.mp4")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(work, "bare.mp4")))}");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static (KeyframeImage Keyframe, ShotTake Take, double Seconds) Keyframe(int width, int height, double seconds)
{
    var mara = Character.Sheet("Mara").Face("dark curly hair").Wardrobe("ochre linen shirt").Seed(1207);
    var film = Film.Titled("Bench").Brief(b => b.Time(TimeOfDay.Morning).Place("kitchen")).Charter(c => c.Light(LightDirection.Left, "window light").Palette("ochre, teal shadows")).Cast(mara);
    var shot = Shot.TightPortrait(mara).Named("bench").Duration(seconds).Motion(0.35).Camera(Camera.PushIn).Seed(7);
    var take = ShotTake.Of(shot, 1, 1)[0];
    var watch = Stopwatch.StartNew();
    var keyframe = new PrevizKeyframeGenerator().Generate(new KeyframeRequest(ScenePlan.Resolve(film, take, width, height), string.Empty, shot.Keyframe, take.Seed), default);
    return (keyframe, take, watch.Elapsed.TotalSeconds);
}

// The stage pipeline as AnimateStage runs it: animate, convert to 4:2:0, measure, stream to ffmpeg.
// When raw is given, the same frames are also appended to it for the baseline (outside the timing).
async Task<double> Pipeline(KeyframeImage keyframe, ShotTake take, CameraPath path, string output, string? raw)
{
    if (raw is not null)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        await using var file = File.Create(raw);
        var copy = new YuvFrame(width, height);
        new PrevizAnimator().Animate(keyframe, new AnimationRequest(path, 24, Recommended.DefaultGrain, take.Seed), f =>
        {
            copy.Load(f.Image);
            copy.WriteTo(file);
        }, default);
        Cpu.RawWriteSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - before;
    }

    var watch = Stopwatch.StartNew();
    var analyzer = new ClipAnalyzer(width, height, new QaContext(24, path.MeanDisplacement(), null));
    var yuv = new YuvFrame(width, height);
    await using (var encoder = FrameEncoder.Start(ffmpeg, encoding, width, height, 24, output))
    {
        new PrevizAnimator().Animate(keyframe, new AnimationRequest(path, 24, Recommended.DefaultGrain, take.Seed), f =>
        {
            yuv.Load(f.Image);
            analyzer.Add(yuv, f.Subject);
            encoder.Write(yuv);
        }, default);
        await encoder.CompleteAsync(default);
    }

    analyzer.Finish();
    return watch.Elapsed.TotalSeconds;
}

async Task<double> BareEncode(string raw, string output)
{
    var arguments = encoding.Arguments(width, height, 24, output).ToList();
    arguments[arguments.IndexOf("pipe:0")] = raw;
    var info = new ProcessStartInfo(ffmpeg.Path) { RedirectStandardError = true, UseShellExecute = false };
    arguments.ForEach(info.ArgumentList.Add);
    var watch = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var errors = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException("bare encode failed: " + errors);
    }

    return watch.Elapsed.TotalSeconds;
}

/// <summary>CPU seconds used so far by this process and by its finished children.</summary>
internal static class Cpu
{
    /// <summary>CPU seconds spent producing the baseline's raw file, subtracted from the pipeline's.</summary>
    public static double RawWriteSeconds { get; set; }

    public static (double Self, double Children, double RawWrite) Now()
    {
        var usage = new long[18];
        PeakRss.GetChildrenUsage(usage);
        var children = usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6);
        return (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, children, RawWriteSeconds);
    }
}

/// <summary>Peak resident memory of this process (VmHWM) and of its largest finished child (getrusage).</summary>
internal static partial class PeakRss
{
    public static long Self() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).First();

    public static long Children()
    {
        // struct rusage: two timevals (4 longs), then ru_maxrss in kilobytes.
        var usage = new long[18];
        return GetRusage(-1, usage) == 0 ? usage[4] * 1024 : -1;
    }

    public static void GetChildrenUsage(long[] usage) => GetRusage(-1, usage);

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, [Out] long[] usage);
}
