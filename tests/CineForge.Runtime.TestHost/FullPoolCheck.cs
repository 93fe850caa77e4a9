using CineForge.Runtime.Media;

/// <summary>
/// Runs ffmpeg and ffprobe through <see cref="FfmpegTool"/> from every thread of a thread pool capped
/// at its size, each caller holding its thread: the state of a busy process whose pool cannot grow
/// in time. A tool call that needs a free pool thread to finish never does here, so the check
/// prints "stuck" after a minute instead of "done". Its own process: the cap is process-wide.
/// </summary>
internal static class FullPoolCheck
{
    public const string Mode = "ffmpeg-on-a-full-pool";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    public static int Run()
    {
        var ffmpeg = FfmpegTool.Locate();
        var clip = Path.Combine(Path.GetTempPath(), $"cineforge-full-pool-{Environment.ProcessId}.mp4");
        ffmpeg.Run(["-f", "lavfi", "-i", "testsrc=size=64x36:rate=24", "-t", "0.5", "-pix_fmt", "yuv420p", clip], "test clip");
        try
        {
            var threads = Environment.ProcessorCount;
            ThreadPool.GetMinThreads(out _, out var io);
            if (!ThreadPool.SetMinThreads(threads, io) || !ThreadPool.SetMaxThreads(threads, io))
            {
                Console.Error.WriteLine($"could not cap the thread pool at {threads} threads");
                return 2;
            }

            // Every caller waits for the others first, so all pool threads are taken before any tool runs.
            using var allBusy = new Barrier(threads);
            var callers = Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
            {
                allBusy.SignalAndWait();
                ffmpeg.Run(["-i", clip, "-f", "null", "-"], "decode");
                ffmpeg.Probe(clip);
            })).ToArray();
            if (!Task.WaitAll(callers, Limit))
            {
                Console.Out.WriteLine($"stuck: {callers.Count(c => !c.IsCompleted)} of {threads} tool calls unfinished after {Limit.TotalSeconds} s");
                return 4;
            }

            Console.Out.WriteLine($"done: {threads} tool calls");
            return 0;
        }
        finally
        {
            File.Delete(clip);
        }
    }
}
