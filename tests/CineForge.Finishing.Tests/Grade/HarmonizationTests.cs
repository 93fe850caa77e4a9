using CineForge.Finishing.Edit;
using CineForge.Finishing.Grade;
using CineForge.Finishing.Media;
using CineForge.Runtime.Media;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests.Grade;

public sealed class HarmonizationTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoShotsWithOppositeCasts_EndCloserThanTheyStarted()
    {
        using var media = new Synthetic();
        var warm = media.Clip("warm", 1.5, red: 1.0, green: 0.85, blue: 0.65);
        var cool = media.Clip("cool", 1.5, red: 0.7, green: 0.9, blue: 1.0);
        var film = TestFilms.Shots(1.5, 1.5).Grade(g => g.Exposure(0).Harmonize());
        var request = Request(media, film, warm, cool);
        var cache = new StageCache(media.PathOf("work"));

        var edit = new EditStage().Run(request, cache);
        var graded = new GradeStage().Run(request, edit, cache);

        // Measured independently of the stage's own figures: a fresh sample of each graded shot.
        var before = Distance(edit.VideoPath, edit.Timeline);
        var after = Distance(graded.VideoPath, edit.Timeline);
        output.WriteLine($"a*b* distance between the shots: before {before:0.00}, after {after:0.00}");
        Assert.True(before > 10, $"the synthetic casts should differ clearly; got {before:0.00}");
        Assert.True(after < before * 0.25, $"harmonization should remove at least 75% of the distance; {before:0.00} -> {after:0.00}");
        Assert.NotNull(graded.Harmonization);
    }

    [Fact]
    public void WithoutHarmonize_CastsStayApart()
    {
        using var media = new Synthetic();
        var warm = media.Clip("warm", 1, red: 1.0, green: 0.85, blue: 0.65);
        var cool = media.Clip("cool", 1, red: 0.7, green: 0.9, blue: 1.0);
        var film = TestFilms.Shots(1, 1).Grade(g => g.Exposure(0).SoftContrast(0.1));
        var request = Request(media, film, warm, cool);
        var cache = new StageCache(media.PathOf("work"));

        var edit = new EditStage().Run(request, cache);
        var graded = new GradeStage().Run(request, edit, cache);

        Assert.Null(graded.Harmonization);
        Assert.True(Distance(graded.VideoPath, edit.Timeline) > 10);
    }

    internal static FinishingRequest Request(Synthetic media, Film film, params string[] clips) => new()
    {
        Film = film,
        Selections = clips.Select((c, i) => TestFilms.Take("s" + i, c)).ToList(),
        FilmDirectory = media.Root,
        OutputDirectory = media.PathOf("out"),
    };

    private static double Distance(string video, Timeline timeline)
    {
        var labs = timeline.Entries.Select(e =>
        {
            var frames = FrameSampler.Sample(FfmpegTool.Default, video, e.Start(timeline.Fps) + 0.1, e.Duration(timeline.Fps) - 0.2, 64, 36, 4);
            return ClipStatistics.Measure(frames).MeanLab;
        }).ToList();
        return labs[0].DistanceAb(labs[1]);
    }
}
