using System.Globalization;
using System.Text;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Edit;

/// <summary>The edit: the cut as one lossless video, the measured statistics of every shot, and the transition checks.</summary>
/// <param name="Timeline">Shots in playing order.</param>
/// <param name="VideoPath">The cut, lossless, no sound.</param>
/// <param name="Statistics">Measured statistics of each timeline entry's take, over its planned duration.</param>
/// <param name="Cuts">The transition rule at each cut.</param>
public sealed record EditResult(Timeline Timeline, string VideoPath, IReadOnlyList<ClipStatistics> Statistics, IReadOnlyList<CutCheck> Cuts);

/// <summary>
/// Cuts the selected takes into one timeline in a single filter graph: each take brought to the film's
/// frame rate and frame size, trimmed to its planned frame count, then concatenated.
/// </summary>
public sealed class EditStage
{
    /// <summary>Width of the frames sampled to measure a shot.</summary>
    internal const int MeasureWidth = 160;

    /// <summary>Runs the edit for <paramref name="request"/>, reusing cached work in <paramref name="cache"/>.</summary>
    public EditResult Run(FinishingRequest request, StageCache cache, CancellationToken cancellationToken = default)
    {
        var probes = request.Selections.ToDictionary(s => s.ShotName, s => MediaProbe.Probe(request.Ffmpeg, s.Selected.Path), StringComparer.Ordinal);
        var first = request.Film.Shots.Count == 0 ? null : probes.GetValueOrDefault(request.Film.Shots[0].Name);
        if (first is null || first.Width == 0)
        {
            throw new FinishingException("Edit: the film has no shot with a video take.");
        }

        var size = new FrameSize(first.Width & ~1, first.Height & ~1);
        var timeline = Timeline.Plan(request.Film, request.Selections, size);
        foreach (var entry in timeline.Entries)
        {
            var info = probes[entry.Shot.Name];
            var path = entry.Selection.Selected.Path;
            if (info.Width == 0)
            {
                throw new FinishingException($"Edit: take '{path}' of shot '{entry.Shot.Name}' has no video stream.", path: path);
            }

            // One frame of slack: containers round durations; the last frame is held for it.
            if (info.Duration + (1.0 / timeline.Fps) + 1e-6 < entry.Duration(timeline.Fps))
            {
                throw new FinishingException($"Edit: take '{path}' of shot '{entry.Shot.Name}' lasts {FrameSampler.F(info.Duration)} s, shorter than the planned {FrameSampler.F(entry.Duration(timeline.Fps))} s.", RuleIds.CF0201, path);
            }
        }

        var key = ArtefactKey.For("edit").Add("ffmpeg", request.Ffmpeg.Version).Add("size", size.ToString()).Add("fps", timeline.Fps)
            .Add("shots", timeline.Entries.Select(e => new[] { e.Shot.Name, e.Frames.ToString(CultureInfo.InvariantCulture), "sha256:" + ArtefactKey.HashFile(e.Selection.Selected.Path) }).ToArray()).Hash();
        var video = cache.GetOrCreate("edit", key, ".mkv", output => Cut(request.Ffmpeg, timeline, output, cancellationToken));

        var measureHeight = Math.Max(2, (int)Math.Round(MeasureWidth * (double)size.Height / size.Width / 2) * 2);
        var statistics = timeline.Entries
            .Select(e => cache.Measure("edit", StatisticsKey(video, e, timeline.Fps, measureHeight), () =>
                ClipStatistics.Measure(FrameSampler.Sample(request.Ffmpeg, video, e.Start(timeline.Fps), e.Duration(timeline.Fps), MeasureWidth, measureHeight, Continuity.MeasurementFps))))
            .ToList();
        var cuts = TransitionCheck.Check(request.Film, timeline, statistics);
        return new EditResult(timeline, video, statistics, cuts);
    }

    /// <summary>The key of one shot's statistics measured on <paramref name="video"/> (the cut or the graded cut, both content-addressed).</summary>
    internal static string StatisticsKey(string video, TimelineEntry entry, int fps, int measureHeight)
        => ArtefactKey.For("statistics-1").Add("video", Path.GetFileName(video)).Add("startFrame", entry.StartFrame).Add("frames", entry.Frames).Add("fps", fps)
            .Add("size", $"{MeasureWidth}x{measureHeight}").Add("sampleFps", Continuity.MeasurementFps).Hash();

    private static void Cut(FfmpegTool ffmpeg, Timeline timeline, string output, CancellationToken cancellationToken)
    {
        var args = new List<string>();
        var graph = new StringBuilder();
        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            var entry = timeline.Entries[i];
            args.AddRange(new[] { "-i", entry.Selection.Selected.Path });
            graph.Append($"[{i}:v]fps={timeline.Fps},scale={timeline.Size.Width}:{timeline.Size.Height}:force_original_aspect_ratio=decrease,")
                .Append($"pad={timeline.Size.Width}:{timeline.Size.Height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv444p,")
                .Append($"tpad=stop_mode=clone:stop=1,trim=end_frame={entry.Frames},setpts=PTS-STARTPTS[v{i}];");
        }

        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            graph.Append($"[v{i}]");
        }

        graph.Append($"concat=n={timeline.Entries.Count}:v=1:a=0[out]");
        args.AddRange(new[] { "-filter_complex", graph.ToString(), "-map", "[out]", "-r", timeline.Fps.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        args.AddRange(Intermediate.VideoArguments);
        args.AddRange(new[] { "-f", "matroska", output });
        ffmpeg.Run(args, "Edit", cancellationToken);
    }
}
