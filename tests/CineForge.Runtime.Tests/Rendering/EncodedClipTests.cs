using CineForge.Runtime.Media;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Tests.Rendering;

/// <summary>QA is measured on the frames streamed to the encoder; the encoded clip must tell the same story.</summary>
public sealed class EncodedClipTests
{
    [Fact]
    public async Task DecodedClip_HasEveryFrame_AndQaAgreesWithTheStreamedMeasurement()
    {
        using var folder = new TempFolder();
        var film = TestFilms.Short();
        var result = await new FilmRenderer().RenderAsync(film, TestFilms.Options(folder.Path));
        var take = result.Shots[0].Takes[0];
        var streamed = take.Qa;

        // Judged as the render judged it: QA03 against the film's palette.
        var analyzer = new ClipAnalyzer(TestFilms.Small.Width, TestFilms.Small.Height, new QaContext(24, 0, null, PaletteIntent.Of(film)));
        var subject = new PixelBox(0, 0, TestFilms.Small.Width / 2.0, TestFilms.Small.Height);
        await FrameReader.ReadAsync(FfmpegTool.Locate(), take.Clip, TestFilms.Small.Width, TestFilms.Small.Height, frame => analyzer.Add(frame, subject));
        var decoded = analyzer.Finish();

        Assert.Equal(72, decoded.Frames);
        foreach (var id in new[] { Rules.RuleIds.QA01, Rules.RuleIds.QA02, Rules.RuleIds.QA03, Rules.RuleIds.QA04, Rules.RuleIds.QA08 })
        {
            Assert.Equal(streamed[id]!.Passed, decoded[id]!.Passed);
        }

        Assert.Equal(streamed[Rules.RuleIds.QA03]!.Value, decoded[Rules.RuleIds.QA03]!.Value, 1.5);
        Assert.Equal(streamed[Rules.RuleIds.QA01]!.Value, decoded[Rules.RuleIds.QA01]!.Value, 0.2);
    }
}
