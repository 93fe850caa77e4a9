using CineForge.Finishing.Media;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Edit;

/// <summary>
/// The measured frames of the cut before the grade (<see cref="ShotSampling"/>), decoded from the takes
/// through the edit's own chain in one FFmpeg run, the first time a measurement not in the store needs
/// them; a rerun whose measurements are all stored decodes nothing.
/// </summary>
public sealed class CutSamples
{
    private readonly Lazy<IReadOnlyList<IReadOnlyList<RgbImage>>> frames;

    /// <summary>Samples of <paramref name="timeline"/>'s takes, decoded with <paramref name="ffmpeg"/> when first asked for.</summary>
    public CutSamples(FfmpegTool ffmpeg, Timeline timeline, CancellationToken cancellationToken = default)
        => frames = new Lazy<IReadOnlyList<IReadOnlyList<RgbImage>>>(() => Decode(ffmpeg, timeline, cancellationToken));

    /// <summary>Whether the frames have been decoded (for tests of what a rerun does).</summary>
    public bool Decoded => frames.IsValueCreated;

    /// <summary>Entry <paramref name="index"/>'s measured frames.</summary>
    public IReadOnlyList<RgbImage> Of(int index) => frames.Value[index];

    private static IReadOnlyList<IReadOnlyList<RgbImage>> Decode(FfmpegTool ffmpeg, Timeline timeline, CancellationToken cancellationToken)
    {
        // Each take is decoded once; only the measured frames are scaled and leave FFmpeg.
        var graph = new List<string>();
        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            graph.Add(EditGraph.Shot(timeline, i, $"e{i}"));
            graph.Add($"[e{i}]" + EditGraph.Select(ShotSampling.LocalFrames(timeline.Entries[i], timeline.Fps)) + $"[m{i}]");
        }

        graph.Add(string.Concat(timeline.Entries.Select((_, i) => $"[m{i}]")) + $"concat=n={timeline.Entries.Count}:v=1:a=0," + ShotSampling.Scale(timeline.Size) + "[out]");
        var args = EditGraph.Inputs(timeline).Concat(new[] { "-filter_complex", string.Join(";", graph), "-map", "[out]", "-fps_mode", "passthrough", "-f", "rawvideo", "-" });
        List<RgbImage> decoded = [];
        ffmpeg.RunStreaming(args, "Edit: measuring the takes", stream => decoded = FrameSampler.ReadFrames(stream, ShotSampling.Width, ShotSampling.Height(timeline.Size)), cancellationToken);
        return ShotSampling.ByEntry(timeline, decoded, "Edit");
    }
}
