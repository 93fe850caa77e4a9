using System.Globalization;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Export;
using CineForge.Finishing.Media;
using CineForge.Runtime.Media;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Finishing.Tests.Export;

public sealed class MobileCropTests
{
    private static readonly Rules.FrameSize Size = new(384, 216);

    [Theory]
    [InlineData(0.08)]
    [InlineData(0.45)]
    [InlineData(0.8)]
    public void WithoutABox_TheSaliencyWindow_KeepsTheSubjectInFrame(double subjectLeft)
    {
        using var media = new Synthetic();
        var clip = media.SubjectClip("subject", 1, subjectLeft);
        var film = TestFilms.Shots(1);
        var request = new FinishingRequest { Film = film, Selections = new[] { TestFilms.Take("s0", clip) }, FilmDirectory = media.Root, OutputDirectory = media.PathOf("out") };
        var edit = new EditStage().Run(request, new StageCache(media.PathOf("work")));

        var crop = MobileCrop.Plan(edit.Timeline, edit.Statistics);

        var subjectStart = (int)(subjectLeft * 384);
        var subjectEnd = subjectStart + (384 / 8);
        var window = crop.Windows.Single();
        Assert.Equal(CropBasis.Saliency, window.Basis);
        Assert.Null(crop.SubjectInside(window));
        Assert.True(window.XAt(0) <= subjectStart && window.XAt(0) + crop.CropWidth >= subjectEnd, $"window {window.XAt(0)}..{window.XAt(0) + crop.CropWidth} misses the subject {subjectStart}..{subjectEnd}");
        Assert.Equal(9.0 / 16, (double)crop.OutputWidth / crop.OutputHeight, 3);
    }

    [Fact]
    public void SubjectThatJittersInPlace_GetsOneStillWindow_HoldingItInEveryFrame()
    {
        // A box that shakes by up to 3 px each frame (a measured box is never steady): the window must not shake with it.
        var boxes = Enumerable.Range(0, 96).Select(n => new PixelBox(300 + (3 * Math.Sin(n * 2.1)), 40, 360 + (3 * Math.Cos(n * 1.7)), 200)).ToList();
        var (crop, timeline) = Plan(boxes);

        var window = crop.Windows.Single();
        Assert.Equal(CropBasis.SubjectBox, window.Basis);
        Assert.Equal(0, window.MaxStep);
        Assert.Equal(1.0, crop.SubjectInside(window));
        Assert.Equal(window.X.Count, timeline.Entries[0].Frames);
    }

    [Fact]
    public void MovingSubject_IsFollowedWithoutJitter_EasedAndClampedToTheFrame()
    {
        // A pan: the subject crosses the frame from the left edge to the right one in 4 s.
        var boxes = Enumerable.Range(0, 96).Select(n => new PixelBox(4 + (n * 3.3), 50, 64 + (n * 3.3), 180)).Select(b => b with { Right = Math.Min(384, b.Right) }).ToList();
        var (crop, _) = Plan(boxes);

        var window = crop.Windows.Single();
        var x = window.X;
        Assert.Equal(1.0, crop.SubjectInside(window));
        Assert.All(x, v => Assert.InRange(v, 0, 384 - crop.CropWidth));

        // It follows in one direction only (no back-and-forth), never faster than the subject plus the even-pixel step.
        Assert.All(x.Zip(x.Skip(1)), p => Assert.True(p.Second >= p.First, $"window moved back: {p.First} → {p.Second}"));
        Assert.True(window.MaxStep <= 4 + MobileCrop.MaxStillStep, $"window jumps {window.MaxStep} px in a frame");

        // Eased: it starts and ends slower than its fastest pace.
        double Pace(int from, int to) => (double)(x[to] - x[from]) / (to - from);
        var fastest = Enumerable.Range(0, 90).Max(n => Pace(n, n + 6));
        Assert.True(Pace(0, 6) < fastest && Pace(89, 95) < fastest, $"pace at the start {Pace(0, 6):0.##}, end {Pace(89, 95):0.##}, fastest {fastest:0.##}");
    }

    [Fact]
    public void CropFilter_SwitchesPiecesAtTheirFrames()
    {
        var film = TestFilms.Shots(1, 1, 1);
        var timeline = Timeline.Plan(film, film.Shots.Select(s => TestFilms.Take(s.Name, "x.mp4")).ToList(), Size);
        var crop = new MobileCrop(122, 216, 108, 192, new[]
        {
            new CropWindow("s0", CropBasis.Saliency, [new CropSegment(0, 24, 10, 0)]),
            new CropWindow("s1", CropBasis.SubjectBox, [new CropSegment(24, 36, 200, 0.5), new CropSegment(36, 48, 206, 0)]),
            new CropWindow("s2", CropBasis.Saliency, [new CropSegment(48, 72, 100, 0)]),
        });

        Assert.Equal("crop=w=122:h=216:x=((between(n\\,0\\,23)*10+between(n\\,24\\,35)*2*floor((200+(n-24)*0.5)/2))+(between(n\\,36\\,47)*206+between(n\\,48\\,71)*100)):y=0,scale=108:192:flags=lanczos,setsar=1", crop.Filter(timeline));
    }

    [Fact]
    public void CropFilter_AsFfmpegRunsIt_PlacesTheWindowWhereThePlanSays_InEveryFrame()
    {
        // Two shots, a still one and a panning one; the source's luma is half the column number, so
        // each cropped frame's first column tells where FFmpeg put the window.
        var film = TestFilms.Shots(2, 4, 5, 5);
        var still = SubjectTrack.InFrame(384, 216, Enumerable.Range(0, 48).Select(_ => new PixelBox(40, 20, 100, 200)).ToList());
        var pan = SubjectTrack.InFrame(384, 216, Enumerable.Range(0, 96).Select(n => new PixelBox(10 + (n * 3), 20, 60 + (n * 3), 200)).ToList());
        var zigzag = SubjectTrack.InFrame(384, 216, Enumerable.Range(0, 240).Select(n => new PixelBox(150 + (140 * Math.Sin(n * 0.2)), 20, 200 + (140 * Math.Sin(n * 0.2)), 200)).ToList());
        // The zigzag (a subject running back and forth) needs more straight pieces than FFmpeg could nest.
        var timeline = Timeline.Plan(film, [Tracked("s0", still), Tracked("s1", pan), Tracked("s2", zigzag), Tracked("s3", zigzag)], Size);
        var crop = MobileCrop.Plan(timeline, []);
        using var media = new Synthetic();
        var raw = media.PathOf("x.gray");
        var cropOnly = crop.Filter(timeline).Split(",scale=")[0];

        FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", $"nullsrc=size=384x216:rate=24:duration=16,format=gray,geq=lum='X/2',{cropOnly}", "-f", "rawvideo", "-pix_fmt", "gray", raw }, "crop test");

        var bytes = File.ReadAllBytes(raw);
        var frameBytes = crop.CropWidth * 216;
        Assert.Equal(timeline.TotalFrames, bytes.Length / frameBytes);
        var planned = crop.Windows.SelectMany(w => w.X).ToList();
        var placed = Enumerable.Range(0, timeline.TotalFrames).Select(n => bytes[n * frameBytes] * 2).ToList();
        Assert.Equal(planned, placed);
        Assert.True(planned.Distinct().Count() > 10, "the pan's window should move: " + string.Join(' ', planned.Distinct().Select(p => p.ToString(CultureInfo.InvariantCulture))));
        Assert.True(crop.Windows.Sum(w => w.Path.Count) > 100, $"{crop.Windows.Sum(w => w.Path.Count)} pieces");
    }

    [Fact]
    public void WindowThatMissesItsSubject_LeavesTheMobileVersionNotMet_NamingTheShots()
    {
        // The window the centroid of detail used to give: left of the frame, while the subject of two shots stands right.
        var film = TestFilms.Shots(1, 1, 1).Export(e => e.Master().Web().Mobile());
        var right = Enumerable.Range(0, 24).Select(_ => new PixelBox(280, 40, 350, 200)).ToList();
        var left = Enumerable.Range(0, 24).Select(_ => new PixelBox(20, 40, 90, 200)).ToList();
        var crop = new MobileCrop(122, 216, 108, 192, new[]
        {
            new CropWindow("s0", CropBasis.Saliency, [new CropSegment(0, 24, 8, 0)]) { Subject = right },
            new CropWindow("s1", CropBasis.Saliency, [new CropSegment(24, 48, 8, 0)]) { Subject = left },
            new CropWindow("s2", CropBasis.Saliency, [new CropSegment(48, 72, 8, 0)]) { Subject = right },
        });

        var qa = crop.SubjectQa();
        var mobile = MeasuredChecklist.Of(film, qa).Single(c => c.Key == "mobile");

        Assert.Equal([0.0, 100.0, 0.0], qa.Select(q => q.Value));
        Assert.Equal(Validation.ChecklistState.Failed, mobile.State);
        Assert.Equal(["QA11: s0, s2"], mobile.Because);
    }

    private static ShotSelection Tracked(string shot, SubjectTrack track) =>
        new(shot, new TakeClip("A", shot + ".mp4", new Dictionary<string, double>()) { Subject = track });

    private static (MobileCrop Crop, Timeline Timeline) Plan(IReadOnlyList<PixelBox> boxes)
    {
        var film = TestFilms.Shots(boxes.Count / 24.0);
        var timeline = Timeline.Plan(film, [Tracked("s0", SubjectTrack.InFrame(384, 216, boxes))], Size);
        return (MobileCrop.Plan(timeline, []), timeline);
    }
}
