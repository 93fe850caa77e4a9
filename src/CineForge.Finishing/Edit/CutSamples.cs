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
        // The takes pass through one decoder once; only the measured frames are scaled and leave FFmpeg.
        var list = Path.Combine(Path.GetTempPath(), $"cineforge-cut-{Guid.NewGuid():N}.ffconcat");
        List<RgbImage> decoded = [];
        try
        {
            var graph = EditGraph.Cut(timeline, 0, "cut") + ";[cut]" + EditGraph.Select(ShotSampling.TimelineFrames(timeline)) + "," + ShotSampling.Scale(timeline.Size) + "[out]";
            var input = EditGraph.Input(timeline, list);
            input.Write();
            var args = input.Arguments.Concat(new[] { "-filter_complex", graph, "-map", "[out]", "-fps_mode", "passthrough", "-f", "rawvideo", "-" });
            ffmpeg.RunStreaming(args, "Edit: measuring the takes", stream => decoded = FrameSampler.ReadFrames(stream, ShotSampling.Width, ShotSampling.Height(timeline.Size)), cancellationToken);
        }
        finally
        {
            File.Delete(list);
        }

        return ShotSampling.ByEntry(timeline, decoded, "Edit");
    }
}
