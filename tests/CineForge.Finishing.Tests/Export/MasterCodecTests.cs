using CineForge.Rules;

namespace CineForge.Finishing.Tests.Export;

/// <summary>The master in the codec the film names: ProRes 422 HQ by default, ProRes 422 or DNxHR HQ when asked.</summary>
public sealed class MasterCodecTests : IDisposable
{
    private readonly Synthetic media = new();

    public void Dispose() => media.Dispose();

    [Theory, Trait("Rule", RuleIds.CF0802)]
    [InlineData(MasterCodec.ProRes422Hq, "prores", "HQ", "yuv422p10le", "ProRes 422 HQ")]
    [InlineData(MasterCodec.ProRes422, "prores", "Standard", "yuv422p10le", "ProRes 422 (")]
    [InlineData(MasterCodec.DnxHrHq, "dnxhd", "DNXHR HQ", "yuv422p", "DNxHR HQ")]
    public void Master_IsInTheCodecTheFilmNames(MasterCodec codec, string codecName, string profile, string pixelFormat, string logged)
    {
        var result = Finish(codec, "out");
        var master = result.Exports.Files.Single(f => f.Kind == ExportKind.Master).Path;
        var probe = Probe.Of(master);

        Assert.Equal(codecName, probe.Codec);
        Assert.Equal(profile, Probe.Profile(master));
        Assert.Equal(pixelFormat, probe.PixelFormat);
        Assert.Equal((384, 216), (probe.Width, probe.Height));
        Assert.Equal("pcm_s24le", probe.AudioCodec);
        Assert.Contains(result.Exports.Codecs, c => c.StartsWith("master: " + logged, StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherCodec_IsAnotherMaster_NotTheStoredOne()
    {
        // One store for both: the codec is in the stream's key, so the second film is encoded, not copied.
        var hq = Finish(MasterCodec.ProRes422Hq, "hq");
        var dnxhr = Finish(MasterCodec.DnxHrHq, "dnxhr");

        Assert.Equal("prores", Probe.Of(hq.Exports.Files.Single(f => f.Kind == ExportKind.Master).Path).Codec);
        Assert.Equal("dnxhd", Probe.Of(dnxhr.Exports.Files.Single(f => f.Kind == ExportKind.Master).Path).Codec);
    }

    private FinishingResult Finish(MasterCodec codec, string output)
    {
        var request = new FinishingRequest
        {
            Film = TestFilms.Shots(1.0, 1.0).Sound(s => s.RoomTone()).Export(e => e.Master(codec)),
            Selections = new[] { TestFilms.Take("s0", media.Clip("a", 1, width: 384, height: 216)), TestFilms.Take("s1", media.Clip("b", 1, red: 0.8, width: 384, height: 216)) },
            FilmDirectory = media.Root,
            OutputDirectory = media.PathOf(output),
        };
        return new FinishingPipeline(new CineForge.Finishing.Media.StageCache(media.PathOf("store"))).Run(request);
    }
}
