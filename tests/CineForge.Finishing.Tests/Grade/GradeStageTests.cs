using CineForge.Finishing.Media;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Tests.Grade;

public sealed class GradeStageTests
{
    [Fact]
    public void EveryFrameStaysInItsShot_AcrossCutsOffTheMillisecondGrid()
    {
        using var media = new Synthetic();
        var colours = new[] { "red", "green", "blue" };
        var clips = colours.Select(c =>
        {
            var path = media.PathOf(c + ".mp4");
            FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", $"color=c={c}:size=64x36:rate=24:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path }, "colour clip");
            return path;
        }).ToArray();
        var film = TestFilms.Shots(25 / 24.0, 26 / 24.0, 23 / 24.0).Grade(g => g.Exposure(0.1).Grain(0.02));
        var request = HarmonizationTests.Request(media, film, clips);

        var master = HarmonizationTests.GradedMaster(request, out _);

        var frames = IndependentSampler.Sample(FfmpegTool.Default, master, 0, 10, 8, 4, 24);
        Assert.Equal(74, frames.Count);
        var expected = Enumerable.Repeat(0, 25).Concat(Enumerable.Repeat(1, 26)).Concat(Enumerable.Repeat(2, 23)).ToArray();
        for (var i = 0; i < frames.Count; i++)
        {
            var c = frames[i].At(4, 2);
            var dominant = c.R > c.G && c.R > c.B ? 0 : c.G > c.B ? 1 : 2;
            Assert.True(expected[i] == dominant, $"frame {i} shows {colours[dominant]}, expected {colours[expected[i]]}");
        }
    }
}
