using System.Text.Json;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;
using CineForge.Runtime.Stages.Select.Qa;
using CineForge.Serialization;

namespace CineForge.Runtime.Tests.Stages.Animate;

/// <summary>Issue 18: the subject box a clip carries is where the subject is painted in each of its frames, in the frame's own pixels.</summary>
public sealed class SubjectTrackTests
{
    private const int Width = 320;
    private const int Height = 180;

    [Theory]
    [InlineData(Camera.PushIn)]
    [InlineData(Camera.PanRight)]
    [InlineData(Camera.Drift)]
    public void RecordedTrack_HoldsThePaintedSubject_InEveryFrame_ThroughTheCameraMove(Camera camera)
    {
        // A red block painted on a grey canvas, its box given in canvas pixels as a generator gives it.
        var (cw, ch) = KeyframeImage.CanvasSize(Width, Height);
        var canvas = new RgbImage(cw, ch);
        var painted = new PixelBox(150, 60, 230, 150);
        for (var y = 0; y < ch; y++)
        {
            for (var x = 0; x < cw; x++)
            {
                var inside = x >= painted.Left && x < painted.Right && y >= painted.Top && y < painted.Bottom;
                canvas.Set(x, y, inside ? (byte)230 : (byte)90, inside ? (byte)20 : (byte)90, inside ? (byte)20 : (byte)90);
            }
        }

        var keyframe = new KeyframeImage(canvas, Width, Height, painted);
        var request = new AnimationRequest(new CameraPath(camera, 0.55, 48, 24, Width, Height, 5), 24, 0, 5);
        var analyzer = new ClipAnalyzer(Width, Height, new QaContext(24, 1, null));
        var yuv = new YuvFrame(Width, Height);
        var seen = new List<PixelBox>();
        new PrevizAnimator().Animate(keyframe, request, frame =>
        {
            yuv.Load(frame.Image);
            analyzer.Add(yuv, frame.Subject);
            seen.Add(RedBounds(frame.Image));
        }, default);

        // The track as finishing reads it: from the clip's QA report, through its JSON.
        var report = JsonSerializer.Deserialize<QaReport>(JsonSerializer.Serialize(analyzer.Finish(), FilmJson.Options), FilmJson.Options)!;
        var track = report.Subject!;
        Assert.Equal(SubjectTrack.FrameSpace, track.Space);
        Assert.Equal((Width, Height), (track.Width, track.Height));
        Assert.Equal(48, track.Boxes.Count);
        for (var i = 0; i < 48; i++)
        {
            // Bilinear sampling softens the block's edge by under a pixel on each side.
            var (recorded, actual) = (track.Boxes[i], seen[i]);
            Assert.True(Near(recorded.Left, actual.Left) && Near(recorded.Right, actual.Right) && Near(recorded.Top, actual.Top) && Near(recorded.Bottom, actual.Bottom), $"{camera} frame {i}: recorded {recorded}, painted {actual}");
        }

        Assert.NotEqual(track.Boxes[0], track.Boxes[^1]);
    }

    [Fact]
    public void KeyframeRecord_NamesTheSpaceOfEachBox_AndTheFrameBoxSitsOnTheFrame()
    {
        var film = TestFilms.CosmeticAd();
        var take = ShotTake.Of(film.Shots[1], 2, 1).Single();
        var keyframe = new PrevizKeyframeGenerator().Generate(new KeyframeRequest(ScenePlan.Resolve(film, take, 1536, 864), string.Empty, take.Shot.Keyframe, take.Seed), default);

        var record = JsonDocument.Parse(JsonSerializer.Serialize(KeyframeStage.KeyframeMeta.Of(keyframe), FilmJson.Options)).RootElement;

        Assert.Equal(1536, record.GetProperty("frameWidth").GetInt32());
        Assert.Equal(1904, record.GetProperty("canvasWidth").GetInt32());
        Assert.Equal(1072, record.GetProperty("canvasHeight").GetInt32());
        Assert.False(record.TryGetProperty("subject", out _));
        var inFrame = record.GetProperty("subjectInFrame");
        var onCanvas = record.GetProperty("subjectOnCanvas");
        Assert.Equal(onCanvas.GetProperty("left").GetDouble() - 184, inFrame.GetProperty("left").GetDouble(), 6);
        Assert.Equal(onCanvas.GetProperty("top").GetDouble() - 104, inFrame.GetProperty("top").GetDouble(), 6);

        // The frame box is what the camera at rest shows: the animator's first frame of a static shot.
        var rest = PrevizAnimator.ToOutput(keyframe, new CameraPath.View(1, 0, 0));
        Assert.Equal(rest, keyframe.SubjectInFrame);
        Assert.InRange(keyframe.SubjectInFrame.Left, 0, 1536);
        Assert.InRange(keyframe.SubjectInFrame.Right, 0, 1536);
    }

    [Fact]
    public void TrackOfATakeOfAnotherShape_FollowsTheEditsLetterbox()
    {
        // A 4:3 take in a 16:9 edit is scaled to the edit's height and centred between two bars.
        var track = SubjectTrack.InFrame(320, 240, [new PixelBox(0, 0, 320, 240), new PixelBox(160, 60, 200, 120)]);

        var fitted = track.FittedTo(384, 216);

        Assert.Equal(new PixelBox(48, 0, 336, 216), fitted.Boxes[0]);
        Assert.Equal(new PixelBox(192, 54, 228, 108), fitted.Boxes[1]);
        Assert.Same(track, track.FittedTo(320, 240));
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= 1.0;

    private static PixelBox RedBounds(RgbImage image)
    {
        double left = double.MaxValue, top = double.MaxValue, right = double.MinValue, bottom = double.MinValue;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var c = image.At(x, y);
                if (c.R > 2 * c.G && c.R > 0.5)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                }
            }
        }

        return new PixelBox(left, top, right, bottom);
    }
}
