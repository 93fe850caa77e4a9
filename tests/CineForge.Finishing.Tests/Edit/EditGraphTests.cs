using System.Globalization;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Tests.Edit;

/// <summary>
/// The cut plays every take through one decoder and keeps exactly the planned frames. Each take here
/// is lossless grey whose luma counts its frames, so every frame of the cut names its take and frame.
/// </summary>
public sealed class EditGraphTests
{
    private static readonly FrameSize Size = new(64, 36);

    [Fact]
    public void Cut_KeepsThePlannedFrames_DroppingALongTakesTailAndHoldingAShortTakesLastFrame()
    {
        using var media = new Synthetic();
        var film = TestFilms.Shots(1, 1, 0.5);
        var takes = new[] { Counting(media, "long", 30, 8, 4), Counting(media, "short", 23, 130, 4), Counting(media, "exact", 12, 220, 1) };

        var (timeline, frames) = Cut(film, takes);

        Assert.Equal(new[] { 30, 23, 12 }, timeline.Entries.Select(e => e.TakeFrames));
        var expected = Enumerable.Range(0, 24).Select(n => 8 + (4 * n))
            .Concat(Enumerable.Range(0, 23).Select(n => 130 + (4 * n))).Append(130 + (4 * 22))
            .Concat(Enumerable.Range(0, 12).Select(n => 220 + n)).ToArray();
        Assert.Equal(expected.Length, frames.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(frames[i][Centre] - expected[i]) <= 1, $"cut frame {i}: luma {frames[i][Centre]}, expected {expected[i]}");
        }
    }

    [Fact]
    public void Cut_LetterboxesATakeOfAnotherSize_AndKeepsCountingFramesAfterIt()
    {
        using var media = new Synthetic();
        var film = TestFilms.Shots(0.5, 0.5, 0.5);
        var takes = new[] { Counting(media, "a", 12, 40, 4), Counting(media, "narrow", 12, 100, 4, width: 48), Counting(media, "c", 12, 160, 4) };

        var (_, frames) = Cut(film, takes);

        Assert.Equal(36, frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            var expected = new[] { 40, 100, 160 }[i / 12] + (4 * (i % 12));
            Assert.True(Math.Abs(frames[i][Centre] - expected) <= 1, $"cut frame {i}: luma {frames[i][Centre]}, expected {expected}");

            // The 48-wide take sits in the middle of the 64-wide frame with black columns either side.
            var edge = frames[i][(18 * Size.Width) + 2];
            Assert.True(i / 12 == 1 ? edge <= 17 : Math.Abs(edge - expected) <= 1, $"cut frame {i}: column 2 luma {edge}");
        }
    }

    private const int Centre = (18 * 64) + 32;

    private static (Timeline Timeline, List<byte[]> Frames) Cut(Film film, IReadOnlyList<string> takes)
    {
        var selections = film.Shots.Select((s, i) => TestFilms.Take(s.Name, takes[i])).ToList();
        var counts = selections.ToDictionary(s => s.ShotName, s => MediaProbe.Probe(FfmpegTool.Default, s.Selected.Path).Frames);
        var timeline = Timeline.Plan(film, selections, Size, counts);
        var list = Path.Combine(Path.GetDirectoryName(takes[0])!, "takes.ffconcat");
        var frames = new List<byte[]>();
        var input = EditGraph.Input(timeline, list);
        input.Write();
        FfmpegTool.Default.RunStreaming(
            input.Arguments.Concat(new[] { "-filter_complex", EditGraph.Cut(timeline, 0, "out"), "-map", "[out]", "-fps_mode", "passthrough", "-pix_fmt", "yuv420p", "-f", "rawvideo", "-" }),
            "test cut",
            stream =>
            {
                // 4:2:0: the luma plane, then the two quarter-size chroma planes.
                var frameBytes = Size.Width * Size.Height * 3 / 2;
                while (true)
                {
                    var frame = new byte[frameBytes];
                    var read = 0;
                    while (read < frameBytes && stream.Read(frame, read, frameBytes - read) is var n and > 0)
                    {
                        read += n;
                    }

                    if (read < frameBytes)
                    {
                        return;
                    }

                    frames.Add(frame);
                }
            });
        return (timeline, frames);
    }

    // Grey frames, lossless 4:2:0, whose luma is first + step × frame number.
    private static string Counting(Synthetic media, string name, int frames, int first, int step, int width = 64)
    {
        var path = media.PathOf(name + ".mp4");
        var lum = string.Create(CultureInfo.InvariantCulture, $"{first}+{step}*N");
        FfmpegTool.Default.Run(new[]
        {
            "-f", "lavfi", "-i", $"color=c=black:size={width}x36:rate=24", "-frames:v", frames.ToString(CultureInfo.InvariantCulture),
            "-vf", $"format=yuv420p,geq=lum='{lum}':cb=128:cr=128", "-c:v", "libx264", "-qp", "0", "-preset", "ultrafast", path,
        }, "counting take");
        return path;
    }
}
