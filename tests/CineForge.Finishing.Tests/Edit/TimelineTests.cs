using CineForge.Finishing.Edit;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Tests.Edit;

public sealed class TimelineTests
{
    private static readonly FrameSize Size = new(192, 108);

    private static IReadOnlyList<ShotSelection> Takes(Film film) => film.Shots.Select(s => TestFilms.Take(s.Name, s.Name + ".mp4")).ToList();

    [Fact]
    public void FramesFollowThePlannedDurations_AndAddUpToTheRuntime()
    {
        var film = TestFilms.Shots(3.5, 4.2, 4.9, 3.1);

        var timeline = Timeline.Plan(film, Takes(film), Size);

        Assert.Equal(new[] { 84, 101, 117, 75 }, timeline.Entries.Select(e => e.Frames));
        Assert.Equal(new[] { 0, 84, 185, 302 }, timeline.Entries.Select(e => e.StartFrame));
        Assert.InRange(timeline.Duration, film.Runtime - (0.5 / 24), film.Runtime + (0.5 / 24));
    }

    [Fact, Trait("Rule", RuleIds.CF0502)]
    public void ShotsOutOfMissionOrder_AreCutInMissionOrderWithACtaLast()
    {
        var film = Film.Titled("Order").Format(Format.Ad("Try it."))
            .Shot(Shot.ObjectDetail("bottle").Named("cta").Mission(Beat.CallToAction).Duration(3).Seed(1))
            .Shot(Shot.ObjectDetail("face").Named("tension").Mission(Beat.Tension).Duration(3).Seed(2))
            .Shot(Shot.ObjectDetail("texture").Named("detail").Mission("a custom beat after tension").Duration(3).Seed(3))
            .Shot(Shot.ObjectDetail("drop").Named("setup").Mission(Beat.Setup).Duration(3).Seed(4));

        var timeline = Timeline.Plan(film, Takes(film), Size);

        Assert.Equal(new[] { "setup", "tension", "detail", "cta" }, timeline.Entries.Select(e => e.Shot.Name));
        Assert.Contains(timeline.Notes, n => n.StartsWith("shots reordered into mission order", StringComparison.Ordinal));
    }

    [Fact]
    public void ShotWithoutATake_IsAClearError()
    {
        var film = TestFilms.Shots(3, 3);

        var error = Assert.Throws<FinishingException>(() => Timeline.Plan(film, Takes(film).Take(1).ToList(), Size));

        Assert.Contains("'s1'", error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", RuleIds.CF0201)]
    public void TakeShorterThanPlanned_IsAClearError()
    {
        using var media = new Synthetic();
        var film = TestFilms.Shots(2);
        var request = new FinishingRequest { Film = film, Selections = new[] { TestFilms.Take("s0", media.Clip("short", 1)) }, FilmDirectory = media.Root, OutputDirectory = media.PathOf("out") };

        var error = Assert.Throws<FinishingException>(() => new EditStage().Run(request, new StageCache(media.PathOf("work"))));

        Assert.Contains("shorter than the planned 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", RuleIds.CF0303)]
    public void TransitionRule_IsMeasuredOnTheRenderedShots()
    {
        using var media = new Synthetic();
        var film = TestFilms.Shots(1, 1, 1);
        var busy = media.Clip("busy", 1);
        var busyToo = media.Clip("busy2", 1, red: 0.95);
        var flat = media.PathOf("flat.mp4");
        FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", "color=c=0x808080:size=192x108:rate=24:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", flat }, "flat clip");
        var request = new FinishingRequest
        {
            Film = film,
            Selections = new[] { TestFilms.Take("s0", busy), TestFilms.Take("s1", busyToo), TestFilms.Take("s2", flat) },
            FilmDirectory = media.Root,
            OutputDirectory = media.PathOf("out"),
        };

        var edit = new EditStage().Run(request, new StageCache(media.PathOf("work")));

        Assert.Empty(edit.Cuts[0].Measured);
        Assert.Contains(Continuity.Dimensions[3], edit.Cuts[1].Measured);
        Assert.Contains(Continuity.Dimensions[2], edit.Cuts[1].Measured);
        Assert.Equal(24, edit.Timeline.Fps);
        Assert.Equal(72, edit.Timeline.TotalFrames);
    }
}
