using CineForge.Finishing.Edit;
using CineForge.Finishing.Export;
using CineForge.Finishing.Media;

namespace CineForge.Finishing.Tests.Export;

public sealed class MobileCropTests
{
    [Theory]
    [InlineData(0.08)]
    [InlineData(0.45)]
    [InlineData(0.8)]
    public void CropWindow_KeepsTheSubjectInFrame(double subjectLeft)
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
        Assert.True(window.X <= subjectStart && window.X + crop.CropWidth >= subjectEnd, $"window {window.X}..{window.X + crop.CropWidth} misses the subject {subjectStart}..{subjectEnd}");
        Assert.Equal(9.0 / 16, (double)crop.OutputWidth / crop.OutputHeight, 3);
    }

    [Fact]
    public void CropFilter_SwitchesWindowsAtTheCuts()
    {
        var film = TestFilms.Shots(1, 1, 1);
        var timeline = Timeline.Plan(film, film.Shots.Select(s => TestFilms.Take(s.Name, "x.mp4")).ToList(), new Rules.FrameSize(384, 216));
        var crop = new MobileCrop(122, 216, 108, 192, new[] { new CropWindow("s0", 10, 0.1), new CropWindow("s1", 200, 0.6), new CropWindow("s2", 100, 0.4) });

        Assert.Equal("crop=w=122:h=216:x=if(lt(n\\,24)\\,10\\,if(lt(n\\,48)\\,200\\,100)):y=0,scale=108:192:flags=lanczos,setsar=1", crop.Filter(timeline));
    }
}
