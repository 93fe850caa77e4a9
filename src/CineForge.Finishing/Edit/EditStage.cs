using System.Globalization;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Edit;

/// <summary>The edit: the timeline, the measured statistics of every shot, and the transition checks.</summary>
/// <param name="Timeline">Shots in playing order.</param>
/// <param name="Key">The cut's identity: a hash of its frame size, frame rate, and each entry's name, length and take bytes. The cut itself is never written: the finishing stream reads the takes through <see cref="EditGraph"/>.</param>
/// <param name="Statistics">Measured statistics of each timeline entry's take, over its planned duration.</param>
/// <param name="Cuts">The transition rule at each cut.</param>
/// <param name="Samples">The measured frames before the grade, decoded only when a measurement not in the store needs them.</param>
public sealed record EditResult(Timeline Timeline, string Key, IReadOnlyList<ClipStatistics> Statistics, IReadOnlyList<CutCheck> Cuts, CutSamples Samples);

/// <summary>
/// Plans the cut: each selected take brought to the film's frame rate and frame size and trimmed to its
/// planned frame count (<see cref="EditGraph"/>), and measures every shot on the takes before the grade.
/// </summary>
public sealed class EditStage
{
    /// <summary>Runs the edit for <paramref name="request"/>, reusing stored measurements in <paramref name="cache"/>.</summary>
    public EditResult Run(FinishingRequest request, StageCache cache, CancellationToken cancellationToken = default)
    {
        var probed = Concurrent.Map(request.Selections, (s, _) => MediaProbe.Probe(request.Ffmpeg, s.Selected.Path), cancellationToken: cancellationToken);
        var probes = request.Selections.Select((s, i) => (s.ShotName, Probe: probed[i])).ToDictionary(p => p.ShotName, p => p.Probe, StringComparer.Ordinal);
        var first = request.Film.Shots.Count == 0 ? null : probes.GetValueOrDefault(request.Film.Shots[0].Name);
        if (first is null || first.Width == 0)
        {
            throw new FinishingException("Edit: the film has no shot with a video take.");
        }

        var size = new FrameSize(first.Width & ~1, first.Height & ~1);
        // The cut counts frames: the container's count, else the duration on the take's frame clock.
        var takeFrames = probes.ToDictionary(p => p.Key, p => p.Value.Frames > 0 ? p.Value.Frames : (int)Math.Round(p.Value.Duration * p.Value.FrameRate), StringComparer.Ordinal);
        var timeline = Timeline.Plan(request.Film, request.Selections, size, takeFrames);
        foreach (var entry in timeline.Entries)
        {
            var info = probes[entry.Shot.Name];
            var path = entry.Selection.Selected.Path;
            if (info.Width == 0)
            {
                throw new FinishingException($"Edit: take '{path}' of shot '{entry.Shot.Name}' has no video stream.", path: path);
            }

            if (Math.Abs(info.FrameRate - timeline.Fps) > 0.01)
            {
                throw new FinishingException($"Edit: take '{path}' of shot '{entry.Shot.Name}' runs at {FrameSampler.F(info.FrameRate)} fps but the film at {timeline.Fps} fps; one timeline has one frame rate ({RuleIds.CF0203}).", RuleIds.CF0203, path);
            }

            // One frame of slack: containers round durations; the cut holds the last frame for it.
            if (entry.TakeFrames + 1 < entry.Frames)
            {
                throw new FinishingException($"Edit: take '{path}' of shot '{entry.Shot.Name}' lasts {FrameSampler.F(info.Duration)} s, shorter than the planned {FrameSampler.F(entry.Duration(timeline.Fps))} s.", RuleIds.CF0201, path);
            }
        }

        var key = ArtefactKey.For("cut-2").Add("ffmpeg", request.Ffmpeg.Version).Add("size", size.ToString()).Add("fps", timeline.Fps)
            .Add("shots", timeline.Entries.Select(e => new[] { e.Shot.Name, e.Frames.ToString(CultureInfo.InvariantCulture), "sha256:" + ArtefactKey.HashFile(e.Selection.Selected.Path) }).ToArray()).Hash();
        var samples = new CutSamples(request.Ffmpeg, timeline, cancellationToken);
        var statistics = timeline.Entries
            .Select((e, i) => cache.Measure("edit", StatisticsKey(key, e, timeline), () => ClipStatistics.Measure(samples.Of(i))))
            .ToList();
        var cuts = TransitionCheck.Check(request.Film, timeline, statistics);
        return new EditResult(timeline, key, statistics, cuts, samples);
    }

    /// <summary>The key of one entry's statistics before the grade, on the cut <paramref name="cutKey"/> (the graded ones are kept with the finishing stream's products).</summary>
    internal static string StatisticsKey(string cutKey, TimelineEntry entry, Timeline timeline)
        => ArtefactKey.For("statistics-2").Add("cut", cutKey).Add("startFrame", entry.StartFrame).Add("frames", entry.Frames)
            .Add("sampled", string.Join(' ', ShotSampling.LocalFrames(entry, timeline.Fps))).Add("size", $"{ShotSampling.Width}x{ShotSampling.Height(timeline.Size)}").Hash();
}
