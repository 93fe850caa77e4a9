// Farm benchmark: the cosmetic ad (the 30 s example) rendered cold with 1 and 2 in-process workers
// and on a farm of 2 `cineforge worker` processes, in one run, on one machine.
// Usage: CineForge.Farm.Bench "<PostgreSQL connection string>" [WxH]   (default 480x270)
// Prints wall times, ratios against 1 in-process worker, and the farm's overhead per stage job
// (keyframe and animate per take, select per shot): (farm − in-process) / stage jobs on a rerun
// where every artefact is stored, so only the farm's own work (enqueue, continuation, pick-up, state
// changes, the select fan-in, read-back) is left, next to the mean render time of a stage job.
using System.Diagnostics;
using System.Globalization;
using CineForge.Farm;
using CineForge.Hosting;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Runtime.Stages;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: CineForge.Farm.Bench \"<PostgreSQL connection string>\" [WxH]");
    return 2;
}

var connection = args[0];
var size = (args.Length > 1 ? args[1] : "480x270").Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var root = FindRoot();
var example = Path.Combine(root, "examples", "cosmetic-ad");
var film = (await FilmScript.LoadAsync(Path.Combine(example, "film.csx")))[0];
var scratch = Path.Combine(Path.GetTempPath(), "cineforge-farm-bench", Guid.NewGuid().ToString("N"));
RenderOptions Options(string name, int parallel) => new()
{
    OutputDirectory = Path.Combine(scratch, name, "out"),
    CacheDirectory = Path.Combine(scratch, name, "cache"),
    AssetRoot = example,
    Resolution = new FrameSize(size[0], size[1]),
    Parallelism = parallel,
};

try
{
    // Warm-up render at the same size into its own store, so every process (this one and the
    // workers) has its hot loops compiled at full tier, as on a farm that has been running: the
    // timed renders then compare rendering, not start-up.
    var warmUp = Options("warm-up", 1);
    await new FilmRenderer().RenderAsync(film, warmUp);
    var one = await TimeAsync(() => new FilmRenderer().RenderAsync(film, Options("local-1", 1)));
    var two = await TimeAsync(() => new FilmRenderer().RenderAsync(film, Options("local-2", 2)));
    var cli = Path.Combine(root, "src", "CineForge.Cli", "bin", "Release", "net10.0", "cineforge.dll");
    var workers = new[] { StartWorker(cli, connection, "bench-1"), StartWorker(cli, connection, "bench-2") };
    try
    {
        var storage = FarmStorage.Open(connection);
        await new FilmRenderer(dispatcher: new FarmShotDispatcher(storage)).RenderAsync(film, warmUp with { OutputDirectory = Path.Combine(scratch, "warm-up-farm", "out"), CacheDirectory = Path.Combine(scratch, "warm-up-farm", "cache") });
        var dispatcher = new FarmShotDispatcher(storage);
        var farm = await TimeAsync(() => new FilmRenderer(dispatcher: dispatcher).RenderAsync(film, Options("farm-2", 1)));
        var perStage = new Dictionary<ShotStage, (int Jobs, double Seconds)>();
        double latency = 0;
        using (var states = storage.GetConnection())
        {
            foreach (var job in dispatcher.Jobs)
            {
                var data = states.GetStateData(job.JobId).Data;
                latency += double.Parse(data["Latency"], CultureInfo.InvariantCulture) / 1000;
                var (count, seconds) = perStage.GetValueOrDefault(job.Stage);
                perStage[job.Stage] = (count + 1, seconds + (double.Parse(data["PerformanceDuration"], CultureInfo.InvariantCulture) / 1000));
            }
        }

        // The farm's own cost per stage job, free of render speed and machine load: the same film
        // again, every artefact in the store, so each job only travels and finds its output.
        var cachedLocal = await TimeAsync(() => new FilmRenderer().RenderAsync(film, Options("farm-2", 1)));
        var cachedFarm = await TimeAsync(() => new FilmRenderer(dispatcher: new FarmShotDispatcher(storage)).RenderAsync(film, Options("farm-2", 1)));
        var jobs = dispatcher.Jobs.Count;
        var overhead = (cachedFarm.Seconds - cachedLocal.Seconds) / jobs;
        var perJob = one.Seconds / jobs;
        var same = one.Result.Shots.SelectMany(s => s.Takes).Select(t => t.ClipSha256).SequenceEqual(farm.Result.Shots.SelectMany(s => s.Takes).Select(t => t.ClipSha256));
        var found = cachedFarm.Result.Shots.SelectMany(s => s.Stages).Count(r => !r.Rendered);
        Console.WriteLine($"film: {film.Title}, {film.Shots.Count} shots, {jobs} stage jobs ({string.Join(", ", perStage.OrderBy(p => p.Key).Select(p => $"{p.Value.Jobs} {p.Key.ToString().ToLowerInvariant()}"))}), {size[0]}x{size[1]}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"in-process, 1 worker : {one.Seconds,7:0.00} s  (1.00x)");
        Console.WriteLine($"in-process, 2 workers: {two.Seconds,7:0.00} s  ({one.Seconds / two.Seconds:0.00}x)");
        Console.WriteLine($"farm, 2 workers      : {farm.Seconds,7:0.00} s  ({one.Seconds / farm.Seconds:0.00}x)");
        Console.WriteLine($"cached rerun: in-process {cachedLocal.Seconds:0.00} s, farm {cachedFarm.Seconds:0.00} s ({found}/{jobs} stage jobs found their output in the store)");
        Console.WriteLine($"farm overhead per stage job: {overhead:0.000} s = {100 * overhead / perJob:0.0}% of a stage job's mean render time here ({perJob:0.00} s, 1 in-process worker)");
        Console.WriteLine($"farm stage jobs on the workers: {string.Join(", ", perStage.OrderBy(p => p.Key).Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value.Seconds / p.Value.Jobs:0.00} s"))} mean; {latency / jobs:0.00} s mean from enqueue to start (includes waiting for a free worker); read-back on the submitter {dispatcher.ReadBackTime.TotalSeconds:0.00} s");
        Console.WriteLine($"clip hashes equal to the local render: {same}");
    }
    finally
    {
        foreach (var worker in workers)
        {
            worker.Kill(entireProcessTree: true);
            worker.WaitForExit();
        }
    }

    return 0;
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

static async Task<(double Seconds, FilmRenderResult Result)> TimeAsync(Func<Task<FilmRenderResult>> render)
{
    var clock = Stopwatch.StartNew();
    var result = await render();
    return (clock.Elapsed.TotalSeconds, result);
}

static Process StartWorker(string cli, string connection, string name)
{
    var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
    foreach (var argument in new[] { cli, "worker", "--farm", connection, "--name", name })
    {
        info.ArgumentList.Add(argument);
    }

    return Process.Start(info)!;
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CineForge.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("CineForge.sln not found");
}
