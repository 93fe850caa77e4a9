using CineForge.Finishing.Export;
using CineForge.Finishing.Media;
using CineForge.Runtime.Media;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests.Export;

/// <summary>
/// The finishing stream measures the graded frames it encodes instead of decoding files again. Each
/// measure is checked against the way it was taken before the stream: each shot sampled from a file on
/// its own (the master for the graded statistics, the takes for the statistics before the grade, the
/// encoded mobile export for QA08), at the same rate and size.
/// </summary>
public sealed class FinishingStreamTests(FinishedSyntheticFilm film, ITestOutputHelper output) : IClassFixture<FinishedSyntheticFilm>
{
    // The master is ProRes 4:2:2 10-bit, not the graded 4:4:4 frames themselves; the takes are 4:2:0,
    // read here without the edit's 4:4:4 step. Both differ from the stream's frames by a few code values.
    private const double ColourTolerance = 0.01;
    private const double LumaTolerance = 0.01;

    [Fact]
    public void GradedStatistics_EqualEachShotSampledFromTheMaster()
    {
        var timeline = film.Result.Edit.Timeline;
        var master = film.Result.Exports.Files.Single(f => f.Kind == ExportKind.Master).Path;

        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            var e = timeline.Entries[i];
            var sampled = ClipStatistics.Measure(IndependentSampler.Sample(FfmpegTool.Default, master, e.Start(timeline.Fps), e.Duration(timeline.Fps), ShotSampling.Width, ShotSampling.Height(timeline.Size), CineForge.Rules.Continuity.MeasurementFps));
            var streamed = film.Result.Grade.After[i];
            output.WriteLine($"{e.Shot.Name}: stream {streamed.MeanColour} luma {streamed.MeanLuma:0.0000}; master {sampled.MeanColour} luma {sampled.MeanLuma:0.0000}");

            AssertClose(sampled, streamed);
        }
    }

    [Fact]
    public void StatisticsBeforeTheGrade_EqualEachTakeSampledOnItsOwn()
    {
        var timeline = film.Result.Edit.Timeline;

        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            var e = timeline.Entries[i];
            var sampled = ClipStatistics.Measure(IndependentSampler.Sample(FfmpegTool.Default, e.Selection.Selected.Path, 0, e.Duration(timeline.Fps), ShotSampling.Width, ShotSampling.Height(timeline.Size), CineForge.Rules.Continuity.MeasurementFps));

            AssertClose(sampled, film.Result.Edit.Statistics[i]);
        }
    }

    [Fact]
    public void MobileContrast_EqualsTheEncodedMobileExportSampledAtPhoneSize()
    {
        var crop = film.Result.Exports.MobileCrop!;
        var mobile = film.Result.Exports.Files.Single(f => f.Kind == ExportKind.Mobile).Path;
        var frames = IndependentSampler.Sample(FfmpegTool.Default, mobile, 0, film.Result.Edit.Timeline.Duration, 360, (360 * crop.OutputHeight / crop.OutputWidth) & ~1, 2);
        var sampled = frames.Select(f =>
        {
            var l = Enumerable.Range(0, f.Height).SelectMany(y => Enumerable.Range(0, f.Width).Select(x => f.LumaAt(x, y))).ToList();
            var mean = l.Average();
            return Math.Sqrt(l.Average(v => (v - mean) * (v - mean)));
        }).Average();
        output.WriteLine($"QA08: stream {film.Result.Exports.MobileContrast:0.00000}, encoded export {sampled:0.00000}");

        Assert.Equal(sampled, film.Result.Exports.MobileContrast!.Value, 0.005);
    }

    [Fact]
    public void Stills_AreTheGradedMiddleFrameOfEachShotAtFullSize()
    {
        var timeline = film.Result.Edit.Timeline;

        Assert.Equal(timeline.Entries.Count, film.Result.Grade.Stills.Count);
        foreach (var still in film.Result.Grade.Stills)
        {
            // PNG: the IHDR chunk's width and height, big-endian, at bytes 16..23.
            var header = File.ReadAllBytes(still).AsSpan(0, 24);
            Assert.True(header[..8].SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a }), $"{still} is not a PNG");
            Assert.Equal((timeline.Size.Width, timeline.Size.Height), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[16..]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[20..])));
        }
    }

    private static void AssertClose(ClipStatistics expected, ClipStatistics actual)
    {
        Assert.Equal(expected.MeanColour.R, actual.MeanColour.R, ColourTolerance);
        Assert.Equal(expected.MeanColour.G, actual.MeanColour.G, ColourTolerance);
        Assert.Equal(expected.MeanColour.B, actual.MeanColour.B, ColourTolerance);
        Assert.Equal(expected.MeanLuma, actual.MeanLuma, LumaTolerance);
        Assert.Equal(expected.ContrastSpread, actual.ContrastSpread, LumaTolerance);
        Assert.Equal(expected.Motion, actual.Motion, LumaTolerance);
        Assert.Equal(expected.SubjectX, actual.SubjectX, 0.02);
    }
}
