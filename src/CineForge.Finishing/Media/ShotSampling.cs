using CineForge.Finishing.Edit;
using CineForge.Rules;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Media;

/// <summary>
/// The frames a shot is measured on (<see cref="ClipStatistics"/>): <see cref="Continuity.MeasurementFps"/>
/// frames a second from the shot's first frame, scaled to <see cref="Width"/> pixels wide. One
/// definition for the measurement before the grade and the one taken inside the finishing stream.
/// </summary>
public static class ShotSampling
{
    /// <summary>Width of a measured frame.</summary>
    public const int Width = 160;

    /// <summary>Height of a measured frame of <paramref name="size"/>: the same shape, even.</summary>
    public static int Height(FrameSize size) => Math.Max(2, (int)Math.Round(Width * (double)size.Height / size.Width / 2) * 2);

    /// <summary>Frame numbers within <paramref name="entry"/> that are measured: the nearest frame to each 1/<see cref="Continuity.MeasurementFps"/> s.</summary>
    public static IReadOnlyList<int> LocalFrames(TimelineEntry entry, int fps) => Nearest(entry.Frames, fps, Continuity.MeasurementFps);

    /// <summary>Of <paramref name="frames"/> frames at <paramref name="fps"/>, the nearest to each 1/<paramref name="rate"/> s, ascending, each once.</summary>
    public static IReadOnlyList<int> Nearest(int frames, int fps, double rate)
    {
        var nearest = new List<int>();
        for (var k = 0; ; k++)
        {
            var frame = (int)Math.Round(k * fps / rate, MidpointRounding.AwayFromZero);
            if (frame >= frames)
            {
                return nearest;
            }

            if (nearest.Count == 0 || nearest[^1] != frame)
            {
                nearest.Add(frame);
            }
        }
    }

    /// <summary>The measured frames of every entry, as timeline frame numbers, in playing order.</summary>
    public static IEnumerable<int> TimelineFrames(Timeline timeline)
        => timeline.Entries.SelectMany(e => LocalFrames(e, timeline.Fps).Select(f => e.StartFrame + f));

    /// <summary>The chain that scales the selected frames to what is measured: <see cref="Width"/> wide, RGB.</summary>
    public static string Scale(FrameSize size) => $"scale={Width}:{Height(size)}:flags=area,format=rgb24";

    /// <summary>
    /// Each entry's statistics from <paramref name="frames"/> (the measured frames of the whole timeline,
    /// in order), measured as soon as a shot's frames are in, so a long film holds one shot's frames at a
    /// time; <paramref name="reached"/> hears the count of frames read after each. Returns the statistics
    /// of the shots complete and the frames read: a stream stopped early is told apart from a short one
    /// by its caller (<see cref="RequireCount"/>).
    /// </summary>
    public static (IReadOnlyList<ClipStatistics> Statistics, int Read) MeasureEach(Timeline timeline, IEnumerable<RgbImage> frames, Action<int>? reached = null)
    {
        var counts = timeline.Entries.Select(e => LocalFrames(e, timeline.Fps).Count).ToList();
        var statistics = new List<ClipStatistics>();
        var shot = new List<RgbImage>();
        var read = 0;
        foreach (var frame in frames)
        {
            reached?.Invoke(++read);
            if (statistics.Count < counts.Count)
            {
                shot.Add(frame);
                if (shot.Count == counts[statistics.Count])
                {
                    statistics.Add(ClipStatistics.Measure(shot));
                    shot = [];
                }
            }
        }

        return (statistics, read);
    }

    /// <summary>Fails unless <paramref name="read"/> is the number of measured frames of <paramref name="timeline"/>.</summary>
    /// <exception cref="FinishingException">More or fewer frames.</exception>
    public static void RequireCount(Timeline timeline, int read, string what)
    {
        var expected = timeline.Entries.Sum(e => LocalFrames(e, timeline.Fps).Count);
        if (read != expected)
        {
            throw new FinishingException($"{what}: decoded {read} measured frames, expected {expected}.");
        }
    }

    /// <summary>Splits a run of measured frames into each entry's.</summary>
    public static IReadOnlyList<IReadOnlyList<RgbImage>> ByEntry(Timeline timeline, IReadOnlyList<RgbImage> frames, string what)
    {
        RequireCount(timeline, frames.Count, what);
        var counts = timeline.Entries.Select(e => LocalFrames(e, timeline.Fps).Count).ToList();

        var result = new List<IReadOnlyList<RgbImage>>();
        var at = 0;
        foreach (var count in counts)
        {
            result.Add(frames.Skip(at).Take(count).ToList());
            at += count;
        }

        return result;
    }
}
