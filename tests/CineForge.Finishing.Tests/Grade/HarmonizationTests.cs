using CineForge.Finishing.Edit;
using CineForge.Finishing.Export;
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

        var master = GradedMaster(request, out var finished);

        // Measured independently of the stages' own figures: a fresh sample of each take and of each graded shot in the master.
        var before = Distance(finished.Edit.Timeline, e => (e.Selection.Selected.Path, 0));
        var after = Distance(finished.Edit.Timeline, e => (master, e.Start(finished.Edit.Timeline.Fps)));
        output.WriteLine($"a*b* distance between the shots: before {before:0.00}, after {after:0.00}");
        Assert.True(before > 10, $"the synthetic casts should differ clearly; got {before:0.00}");
        Assert.True(after < before * 0.25, $"harmonization should remove at least 75% of the distance; {before:0.00} -> {after:0.00}");
        Assert.NotNull(finished.Grade.Harmonization);
    }

    [Fact]
    public void WithoutHarmonize_CastsStayApart()
    {
        using var media = new Synthetic();
        var warm = media.Clip("warm", 1, red: 1.0, green: 0.85, blue: 0.65);
        var cool = media.Clip("cool", 1, red: 0.7, green: 0.9, blue: 1.0);
        var film = TestFilms.Shots(1, 1).Grade(g => g.Exposure(0).SoftContrast(0.1));
        var request = Request(media, film, warm, cool);

        var master = GradedMaster(request, out var finished);

        Assert.Null(finished.Grade.Harmonization);
        Assert.True(Distance(finished.Edit.Timeline, e => (master, e.Start(finished.Edit.Timeline.Fps))) > 10);
    }

    internal static FinishingRequest Request(Synthetic media, Film film, params string[] clips) => new()
    {
        Film = film,
        Selections = clips.Select((c, i) => TestFilms.Take("s" + i, c)).ToList(),
        FilmDirectory = media.Root,
        OutputDirectory = media.PathOf("out"),
    };

    /// <summary>Finishes <paramref name="request"/>'s film with a master export only; the master's path (ProRes 4:2:2 10-bit, close to the graded frames).</summary>
    internal static string GradedMaster(FinishingRequest request, out FinishingResult result)
    {
        result = new FinishingPipeline().Run(request with { Film = request.Film.Export(e => e.Master()) });
        return result.Exports.Files.Single(f => f.Kind == ExportKind.Master).Path;
    }

    private static double Distance(Timeline timeline, Func<TimelineEntry, (string Video, double Start)> source)
    {
        var labs = timeline.Entries.Select(e =>
        {
            var (video, start) = source(e);
            var frames = IndependentSampler.Sample(FfmpegTool.Default, video, start + 0.1, e.Duration(timeline.Fps) - 0.2, 64, 36, 4);
            return ClipStatistics.Measure(frames).MeanLab;
        }).ToList();
        return labs[0].DistanceAb(labs[1]);
    }
}
