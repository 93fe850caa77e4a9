using CineForge.Finishing.Media;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Tests;

/// <summary>
/// Frames of one file, sampled on their own (a seek, FFmpeg's <c>fps</c> filter, an area scale to RGB):
/// the way a measure was taken before the finishing stream, and the tests' reading independent of it.
/// </summary>
internal static class IndependentSampler
{
    /// <summary>Frames of <paramref name="path"/> from <paramref name="start"/> for <paramref name="duration"/> s, at <paramref name="fps"/>, scaled to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static IReadOnlyList<RgbImage> Sample(FfmpegTool ffmpeg, string path, double start, double duration, int width, int height, double fps)
    {
        List<RgbImage> frames = [];
        ffmpeg.RunStreaming(
            ["-ss", FrameSampler.F(start), "-t", FrameSampler.F(duration), "-i", path, "-vf", $"fps={FrameSampler.F(fps)},scale={width}:{height}:flags=area,format=rgb24", "-f", "rawvideo", "-"],
            $"sampling frames of {path}",
            stream => frames = FrameSampler.ReadFrames(stream, width, height));
        Assert.True(frames.Count > 0, $"{path}: no frame decoded between {start} s and {start + duration} s");
        return frames;
    }
}
