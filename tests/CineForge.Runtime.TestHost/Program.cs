// A minimal render host for process-level tests: renders a film saved as plan JSON.
// Usage: CineForge.Runtime.TestHost <film.json> <output> <width>x<height> [cache]
// Prints one line per progress event, so a test can kill it at a chosen moment.
// Or: CineForge.Runtime.TestHost ffmpeg-on-a-full-pool (see FullPoolCheck).
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Serialization;

if (args is [FullPoolCheck.Mode])
{
    return FullPoolCheck.Run();
}

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: CineForge.Runtime.TestHost <film.json> <output> <width>x<height> [cache]");
    return 2;
}

var film = FilmJson.Deserialize(File.ReadAllText(args[0]));
var size = args[2].Split('x');
var options = new RenderOptions
{
    OutputDirectory = args[1],
    CacheDirectory = args.Length > 3 ? args[3] : null,
    Resolution = new FrameSize(int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture)),
};
var progress = new SynchronousProgress(e => Console.Out.WriteLine($"{e.ShotIndex} {e.Shot} {e.Take} {e.Stage} {e.Frame}/{e.Frames}"));
try
{
    var result = await new FilmRenderer().RenderAsync(film, options, progress);
    Console.Out.WriteLine($"done {result.Work.FramesRendered}");
    return result.AllSelected ? 0 : 3;
}
catch (RenderException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

/// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
internal sealed class SynchronousProgress(Action<CineForge.Runtime.Progress.RenderEvent> report) : IProgress<CineForge.Runtime.Progress.RenderEvent>
{
    private readonly Lock gate = new();

    public void Report(CineForge.Runtime.Progress.RenderEvent value)
    {
        lock (gate)
        {
            report(value);
            Console.Out.Flush();
        }
    }
}
