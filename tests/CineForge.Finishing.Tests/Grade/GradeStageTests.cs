using CineForge.Finishing.Edit;
using CineForge.Finishing.Grade;
using CineForge.Finishing.Media;
using CineForge.Runtime.Imaging;
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

    [Fact]
    public void EachShotIsGradedWithItsOwnClut_FromItsFirstFrameToItsLast()
    {
        using var media = new Synthetic();
        var film = TestFilms.Shots(25 / 24.0, 23 / 24.0, 1);
        var takes = film.Shots.Select(s =>
        {
            var path = media.PathOf(s.Name + ".mp4");
            FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", "color=c=gray:size=64x36:rate=24:duration=2", "-c:v", "libx264", "-qp", "0", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path }, "grey take");
            return path;
        }).ToList();
        var timeline = Timeline.Plan(film, film.Shots.Select((s, i) => TestFilms.Take(s.Name, takes[i])).ToList(), new Rules.FrameSize(64, 36), film.Shots.ToDictionary(s => s.Name, _ => 48));
        // Dark, bright, dark: a CLUT a frame early or late shows at the cut.
        var gains = new[] { 0.4, 1.6, 0.4 };
        var cluts = gains.Select((gain, i) =>
        {
            var path = media.PathOf($"clut{i}.ppm");
            HaldClut.Write(path, c => new Rgb(Math.Min(1, c.R * gain), Math.Min(1, c.G * gain), Math.Min(1, c.B * gain)));
            return path;
        }).ToList();
        var plan = GradePlan.From(film, p => p);
        var graph = EditGraph.Cut(timeline, 0, "cut") + ";" + GradeStage.FilterGraph(timeline, plan, "cut", 1, "graded") + ";[graded]format=rgb24[out]";
        var takeList = EditGraph.Input(timeline, media.PathOf("takes.ffconcat"));
        var clutList = GradeStage.ClutInput(cluts, media.PathOf("cluts.ffconcat"));
        takeList.Write();
        clutList.Write();
        var args = takeList.Arguments.Concat(clutList.Arguments)
            .Concat(new[] { "-filter_complex", graph, "-map", "[out]", "-fps_mode", "passthrough", "-f", "rawvideo", "-" });
        List<RgbImage> frames = [];
        FfmpegTool.Default.RunStreaming(args, "test grade", stream => frames = FrameSampler.ReadFrames(stream, 64, 36));

        Assert.Equal(72, frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            var shot = i < 25 ? 0 : i < 48 ? 1 : 2;
            var luma = frames[i].LumaAt(32, 18);
            Assert.True(gains[shot] < 1 ? luma < 0.35 : luma > 0.65, $"frame {i} (shot {shot}) has luma {luma:0.000}");
        }
    }
}
