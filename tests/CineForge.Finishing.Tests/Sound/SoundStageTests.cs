using CineForge.Finishing.Media;
using CineForge.Finishing.Sound;
using CineForge.Rules;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests.Sound;

public sealed class SoundStageTests(ITestOutputHelper output) : IDisposable
{
    private readonly Synthetic media = new();

    public void Dispose() => media.Dispose();

    private FinishingRequest Request(Func<SoundMix, SoundMix> sound) => new()
    {
        Film = TestFilms.Shots(2, 2).Sound(sound),
        Selections = Array.Empty<ShotSelection>(),
        FilmDirectory = media.Root,
        OutputDirectory = media.PathOf("out"),
    };

    [Fact, Trait("Rule", RuleIds.QA05)]
    public void RoomToneAndEffects_LandWithin1LuOfTheirTargets()
    {
        media.Tone("tap", 0.3, volumeDb: -3);
        media.Noise("whoosh", 0.8, amplitude: 0.05);
        var request = Request(s => s.RoomTone().Effect("tap.wav", at: 0.5, lufs: -16).Effect("whoosh.wav", at: 2.2, lufs: -18));

        var result = new SoundStage().Run(request, 4, new StageCache(media.PathOf("work")));

        Assert.Equal(new[] { StemKind.RoomTone, StemKind.Effect, StemKind.Effect }, result.Stems.Select(s => s.Kind));
        foreach (var stem in result.Stems)
        {
            var measured = Ebur128.Integrated(stem.Path);
            output.WriteLine($"{stem.Name}: raw {stem.Raw:0.0} LUFS, gain {stem.Gain:+0.0;-0.0} dB, measured {measured:0.0} LUFS, target {stem.Target:0.0}");
            Assert.InRange(measured, stem.Target - Loudness.Tolerance, stem.Target + Loudness.Tolerance);
            Assert.True(stem.Passes);
        }

        Assert.Equal(Loudness.Ambience, result.Stems[0].Target);
    }

    [Fact]
    public void Mix_SumsStemsWithoutRenormalizing()
    {
        media.Noise("bed", 4, amplitude: 0.2);
        var request = Request(s => s.Ambience("bed.wav"));

        var result = new SoundStage().Run(request, 4, new StageCache(media.PathOf("work")));

        // One stem at unity: the mix measures what the stem measures. amix's default would not (it divides by the input count).
        Assert.InRange(Ebur128.Integrated(result.MixPath), Loudness.Ambience - 0.3, Loudness.Ambience + 0.3);
    }

    [Fact, Trait("Rule", RuleIds.CF0704)]
    public void Music_IsMeasuredUnderTheBed()
    {
        media.Noise("bed", 4, amplitude: 0.2);
        media.Tone("music", 4, frequency: 220, volumeDb: -6);
        var request = Request(s => s.Ambience("bed.wav").Music("music.wav"));

        var result = new SoundStage().Run(request, 4, new StageCache(media.PathOf("work")));

        Assert.NotNull(result.MusicUnderBed);
        Assert.True(result.MusicUnderBed!.Value.Below);
        Assert.InRange(Ebur128.Integrated(result.Stems.Single(s => s.Kind == StemKind.Music).Path), Loudness.DefaultMusic - 1, Loudness.DefaultMusic + 1);
    }

    [Fact, Trait("Rule", RuleIds.CF0705)]
    public void MissingEffectFile_NamesTheFileAndWritesNothing()
    {
        var request = Request(s => s.RoomTone().Effect("nowhere.wav", at: 1));

        var error = Assert.Throws<FinishingException>(() => new SoundStage().Run(request, 4, new StageCache(media.PathOf("work"))));

        Assert.Contains("nowhere.wav", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(RuleIds.CF0705, error.RuleId);
        Assert.False(Directory.Exists(media.PathOf("work/sound")) && Directory.EnumerateFiles(media.PathOf("work/sound")).Any());
    }

    [Fact, Trait("Rule", RuleIds.CF0705)]
    public void CorruptAmbienceFile_IsAClearError()
    {
        File.WriteAllBytes(media.PathOf("broken.wav"), "RIFF\0\0\0\0WAVEjunkjunkjunk"u8.ToArray().Concat(new byte[200]).ToArray());
        var request = Request(s => s.Ambience("broken.wav"));

        var error = Assert.Throws<FinishingException>(() => new SoundStage().Run(request, 4, new StageCache(media.PathOf("work"))));

        Assert.Contains("broken.wav", error.Message, StringComparison.Ordinal);
        Assert.Contains("FFmpeg cannot read as audio", error.Message, StringComparison.Ordinal);
        Assert.Equal(RuleIds.CF0705, error.RuleId);
    }

    [Fact]
    public void SilentEffect_IsRefused()
    {
        media.Tone("quiet", 1, volumeDb: -200);
        var request = Request(s => s.Effect("quiet.wav", at: 1));

        var error = Assert.Throws<FinishingException>(() => new SoundStage().Run(request, 4, new StageCache(media.PathOf("work"))));

        Assert.Contains("silent", error.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", RuleIds.QA05)]
    public void Click_IsHeldUnderTheTruePeakCeiling_AndQa05ReportsWhatWasMeasured()
    {
        // A decaying click: almost all its energy in its first milliseconds, so bringing it to -16 LUFS
        // with a plain gain would put its peak about +9 dBTP, far over the ceiling.
        var click = media.PathOf("click.wav");
        CineForge.Runtime.Media.FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", "aevalsrc=exp(-t*200)*sin(2*PI*2000*t)*0.05:s=48000:d=0.2", "-c:a", "pcm_s16le", click }, "test click");
        media.Noise("bed", 4, amplitude: 0.2);
        var request = Request(s => s.Ambience("bed.wav").Effect("click.wav", at: 1, lufs: -16));

        var result = new SoundStage().Run(request, 4, new StageCache(media.PathOf("work")));

        var stem = result.Stems.Single(s => s.Kind == StemKind.Effect);
        var peak = Ebur128.TruePeak(stem.Path);
        var loudness = Ebur128.Integrated(stem.Path);
        output.WriteLine($"click: raw {stem.Raw:0.0} LUFS, gain {stem.Gain:+0.0} dB, {loudness:0.0} LUFS (target -16), true peak {peak:0.00} dBTP; QA05 {(stem.Passes ? "pass" : "miss " + stem.Miss.ToString("0.0"))}");
        Assert.True(stem.TruePeakLimited);
        Assert.True(peak <= Loudness.TruePeakCeiling + 0.05, $"stem true peak {peak:0.00} dBTP over the {Loudness.TruePeakCeiling} dBTP ceiling");
        Assert.Equal(Math.Abs(loudness - stem.Target) <= Loudness.Tolerance, stem.Passes);
        Assert.True(Ebur128.TruePeak(result.MixPath) <= Loudness.MixLimiterCeiling + 0.05, "the mix passes its limiter's ceiling");
    }

    [Fact, Trait("Rule", RuleIds.CF0705)]
    public void EffectShorterThanOneLoudnessStep_IsRefused_NotAmplified()
    {
        // A valid header and 28 samples: about half a millisecond of sound.
        var tiny = media.PathOf("tiny.wav");
        CineForge.Runtime.Media.FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=0.0006", "-c:a", "pcm_s16le", tiny }, "tiny effect");
        var request = Request(s => s.RoomTone().Effect("tiny.wav", at: 1));

        var error = Assert.Throws<FinishingException>(() => new SoundStage().Run(request, 4, new StageCache(media.PathOf("work"))));

        Assert.Equal(RuleIds.CF0705, error.RuleId);
        Assert.Contains("tiny.wav", error.Message, StringComparison.Ordinal);
        Assert.Contains("s it needs", error.Message, StringComparison.Ordinal);
    }
}
