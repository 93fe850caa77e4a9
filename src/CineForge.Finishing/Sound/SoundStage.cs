using CineForge.Finishing.Assets;
using System.Globalization;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Sound;

/// <summary>What a stem is.</summary>
public enum StemKind
{
    /// <summary>The ambience bed from the user's file.</summary>
    Ambience,

    /// <summary>A generated room tone as the ambience bed.</summary>
    RoomTone,

    /// <summary>A punctual effect.</summary>
    Effect,

    /// <summary>Music under the bed.</summary>
    Music,
}

/// <summary>One stem, measured before and after it was brought to its target.</summary>
/// <param name="Name">"ambience", "effect-1 glass-tap", ...</param>
/// <param name="Kind">What it is.</param>
/// <param name="Source">The user's file, or null for a generated room tone.</param>
/// <param name="Path">The stem as mixed: the film's length, at its target.</param>
/// <param name="Target">Target integrated loudness, LUFS.</param>
/// <param name="Raw">Integrated loudness before the gain, LUFS.</param>
/// <param name="Gain">The static gain applied, dB.</param>
/// <param name="Measured">The stem as mixed, measured again.</param>
public sealed record StemResult(string Name, StemKind Kind, string? Source, string Path, double Target, double Raw, double Gain, LoudnessMeasurement Measured)
{
    /// <summary>True when the gain to the target would have passed the true-peak ceiling, so a limiter holds the stem under it.</summary>
    public bool TruePeakLimited { get; init; }

    /// <summary>Distance from the target in LU: QA05's measured value.</summary>
    public double Miss => Math.Abs(Measured.Integrated - Target);

    /// <summary>True when QA05 passes for this stem.</summary>
    public bool Passes => QaMetrics.StemLoudness.Passes(Miss);

    /// <summary>The rule that sets this stem's target.</summary>
    public string RuleId => Kind switch
    {
        StemKind.Effect => RuleIds.CF0702,
        StemKind.Music => RuleIds.CF0704,
        _ => RuleIds.CF0701,
    };
}

/// <summary>The sound of the film.</summary>
/// <param name="Stems">Every stem, measured.</param>
/// <param name="MixPath">The mix (stereo, 48 kHz, 32-bit float WAV).</param>
/// <param name="Mix">The mix, measured.</param>
/// <param name="MusicUnderBed">For a film with music: the bed's (ambience + effects) measured loudness, and whether the music sits below it (CF0704).</param>
/// <param name="Notes">How the mix was made, for the settings log.</param>
public sealed record SoundResult(IReadOnlyList<StemResult> Stems, string MixPath, LoudnessMeasurement Mix, (double Bed, bool Below)? MusicUnderBed, IReadOnlyList<string> Notes);

/// <summary>
/// Builds the sound: an ambience bed (the user's file looped to length, or a generated room tone),
/// effects placed at their times, music under them. Each stem is measured (EBU R128 integrated) and
/// brought to its target by one static gain, then measured again. The mix sums the stems at unity
/// (<c>amix</c> with <c>normalize=0</c>): nothing renormalizes a stem behind the plan's back.
/// </summary>
public sealed class SoundStage
{
    private const int SampleRate = 48000;

    // Room tone: brown noise for the low rumble of a room, a little pink for air, band-limited.
    private const string RoomToneGraph = "anoisesrc=color=brown:amplitude=0.6:sample_rate=48000:seed=1207[b];anoisesrc=color=pink:amplitude=0.04:sample_rate=48000:seed=2024[p];[b][p]amix=inputs=2:normalize=0,highpass=f=45,lowpass=f=4000,equalizer=f=180:t=q:w=1:g=3";

    // True peaks are limited at four times the sample rate, where the peaks between samples show.
    private const int OversampledRate = 4 * SampleRate;

    // A limiter sits this far under its ceiling: going back from four times the sample rate to the
    // stem's own rate overshoots the limited peaks by about a tenth of a dB (measured: -0.9 dBTP from a
    // limiter at -1).
    private const double LimiterMargin = 0.5;

    // Gain rounds for a stem whose limiter took loudness away: each moves the gain by the shortfall.
    private const int GainRounds = 8;

    /// <summary>Builds and measures the sound of <paramref name="request"/>'s film over <paramref name="duration"/> seconds.</summary>
    /// <exception cref="FinishingException">An audio file is missing, corrupt, silent or has no audio stream.</exception>
    public SoundResult Run(FinishingRequest request, double duration, StageCache cache, CancellationToken cancellationToken = default)
    {
        var sound = request.Film.Sound;
        var plan = new List<(string Name, StemKind Kind, string? Source, double Target, double At)>();
        if (sound.Ambience is { } ambience)
        {
            plan.Add(ambience.Path is null ? ("room tone", StemKind.RoomTone, null, ambience.Lufs, 0) : ("ambience", StemKind.Ambience, request.Resolve(ambience.Path), ambience.Lufs, 0));
        }

        for (var i = 0; i < sound.Effects.Count; i++)
        {
            var effect = sound.Effects[i];
            plan.Add(($"effect {i + 1} {System.IO.Path.GetFileNameWithoutExtension(effect.Path)}", StemKind.Effect, request.Resolve(effect.Path), effect.Lufs, effect.At));
        }

        if (sound.Music is { } music)
        {
            plan.Add(("music", StemKind.Music, request.Resolve(music.Path!), music.Lufs, 0));
        }

        // Every sound is checked as an asset (CF0705) before any work, so a bad one fails fast and names itself.
        AssetCheck.RequireSounds(request.Film, request.Resolve, request.Ffmpeg, cancellationToken);

        foreach (var stem in plan.Where(s => s.Kind == StemKind.Effect && s.At >= duration))
        {
            throw new FinishingException($"Sound: {stem.Name} starts at {F(stem.At)} s, after the film's end ({F(duration)} s).", RuleIds.CF0702, stem.Source);
        }

        var notes = new List<string> { $"stems: stereo {SampleRate} Hz float, {F(duration)} s; each brought to its target by one static gain measured with ebur128" };
        // Each stem is placed, measured and brought to its target on its own: one per core at a time.
        var stems = Concurrent.Map(plan, (s, token) => Stem(request.Ffmpeg, s.Name, s.Kind, s.Source, s.Target, s.At, duration, cache, token), cancellationToken: cancellationToken);
        if (stems.Count == 0)
        {
            notes.Add("no stem: the mix is silence (" + RuleIds.CF0703 + ")");
        }

        var mixKey = ArtefactKey.For("mix").Add("ffmpeg", request.Ffmpeg.Version).Add("truePeakLimit", Loudness.MixLimiterCeiling - LimiterMargin).Add("oversampled", OversampledRate).Add("stems", stems.Select(s => System.IO.Path.GetFileName(s.Path)).ToArray()).Hash();
        var mix = cache.GetOrCreate("sound", mixKey, ".wav", output => Mix(request.Ffmpeg, stems.Select(s => s.Path).ToList(), duration, output, cancellationToken));
        notes.Add($"mix: stems summed at unity (amix normalize=0), true peaks limited at {F(Loudness.MixLimiterCeiling)} dBTP (4x oversampled), a dB under the {F(Loudness.TruePeakCeiling)} dBTP ceiling for the lossy exports; no loudness normalization of the mix");
        var mixLoudness = LoudnessMeter.Measure(request.Ffmpeg, mix, cancellationToken);

        (double, bool)? musicUnderBed = null;
        var musicStem = stems.FirstOrDefault(s => s.Kind == StemKind.Music);
        if (musicStem is not null)
        {
            var bedStems = stems.Where(s => s.Kind != StemKind.Music).Select(s => s.Path).ToList();
            var bedKey = ArtefactKey.For("bed").Add("ffmpeg", request.Ffmpeg.Version).Add("stems", bedStems.Select(System.IO.Path.GetFileName).ToArray()).Hash();
            var bed = bedStems.Count == 0 ? LoudnessMeter.Silence : LoudnessMeter.Measure(request.Ffmpeg, cache.GetOrCreate("sound", bedKey, ".wav", output => Mix(request.Ffmpeg, bedStems, duration, output, cancellationToken, limit: false)), cancellationToken).Integrated;
            musicUnderBed = (bed, musicStem.Measured.Integrated < bed);
        }

        return new SoundResult(stems, mix, mixLoudness, musicUnderBed, notes);
    }

    private static StemResult Stem(FfmpegTool ffmpeg, string name, StemKind kind, string? source, double target, double at, double duration, StageCache cache, CancellationToken cancellationToken)
    {
        var rawKey = ArtefactKey.For("stem-raw").Add("ffmpeg", ffmpeg.Version).Add("kind", kind.ToString()).Add("source", source is null ? RoomToneGraph : "sha256:" + ArtefactKey.HashFile(source)).Add("at", F(at)).Add("duration", F(duration)).Hash();
        var raw = cache.GetOrCreate("sound", rawKey, ".wav", output => Place(ffmpeg, kind, source, at, duration, output, cancellationToken));
        var rawLoudness = LoudnessMeter.Measure(ffmpeg, raw, cancellationToken);
        if (rawLoudness.Integrated <= LoudnessMeter.Silence + 0.05)
        {
            throw new FinishingException($"Sound: {name}: '{source ?? "room tone"}' is silent (below the EBU R128 gate); it cannot be brought to {F(target)} LUFS.", kind == StemKind.Effect ? RuleIds.CF0702 : RuleIds.CF0701, source);
        }

        // One static gain to the target; where that would push the true peak past the ceiling, a true-peak
        // limiter holds it there and the gain grows by what the limiter took, a few rounds at most. What is
        // still short of the target is QA05's miss, reported, never a clipped stem.
        var gain = target - rawLoudness.Integrated;
        var limited = false;
        string path = string.Empty;
        LoudnessMeasurement measured = rawLoudness;
        for (var round = 0; round < GainRounds; round++)
        {
            var (roundGain, roundLimited) = (gain, limited);
            var key = ArtefactKey.For("stem").Add("raw", rawKey).Add("gainDb", roundGain).Add("truePeakLimit", roundLimited ? (double?)StemLimit : null).Hash();
            path = cache.GetOrCreate("sound", key, ".wav", output =>
                ffmpeg.Run(new[] { "-i", raw, "-af", GainFilter(roundGain, roundLimited ? StemLimit : null), "-c:a", "pcm_f32le", "-f", "wav", output }, $"Sound: {name} gain", cancellationToken));
            measured = LoudnessMeter.Measure(ffmpeg, path, cancellationToken);
            if (!limited && measured.TruePeak > Loudness.TruePeakCeiling)
            {
                limited = true;
                continue;
            }

            if (!limited || measured.Integrated >= target - 0.1)
            {
                break;
            }

            gain += target - measured.Integrated;
        }

        return new StemResult(name, kind, source, path, target, rawLoudness.Integrated, gain, measured) { TruePeakLimited = limited };
    }

    // A static gain, then (when limited) a true-peak limiter at the ceiling, run at four times the
    // sample rate so the peaks between samples are caught too.
    private const double StemLimit = Loudness.TruePeakCeiling - LimiterMargin;

    private static string GainFilter(double gainDb, double? truePeakCeiling)
    {
        var filter = $"volume={gainDb.ToString("0.#####", CultureInfo.InvariantCulture)}dB";
        return truePeakCeiling is { } ceiling ? filter + "," + TruePeakLimiter(ceiling) : filter;
    }

    private static string TruePeakLimiter(double ceilingDbtp)
        => $"aresample={OversampledRate},alimiter=limit={Math.Pow(10, ceilingDbtp / 20).ToString("0.#####", CultureInfo.InvariantCulture)}:level=0:attack=1:release=50:latency=1,aresample={SampleRate}";

    private static void Place(FfmpegTool ffmpeg, StemKind kind, string? source, double at, double duration, string output, CancellationToken cancellationToken)
    {
        var format = $"aresample={SampleRate},aformat=sample_fmts=flt:channel_layouts=stereo";
        var args = new List<string>();
        string graph;
        switch (kind)
        {
            case StemKind.RoomTone:
                graph = RoomToneGraph + $",atrim=duration={F(duration)},{format}[out]";
                break;
            case StemKind.Effect:
                args.AddRange(new[] { "-i", source! });
                graph = $"[0:a]{format},adelay={(int)Math.Round(at * 1000)}:all=1,apad=whole_dur={F(duration)},atrim=duration={F(duration)}[out]";
                break;
            default:
                // A bed or music shorter than the film loops; short fades hide the loop point and the ends.
                args.AddRange(new[] { "-stream_loop", "-1", "-i", source! });
                graph = $"[0:a]{format},atrim=duration={F(duration)},afade=t=in:d=0.05,afade=t=out:st={F(Math.Max(0, duration - 0.05))}:d=0.05[out]";
                break;
        }

        args.AddRange(new[] { "-filter_complex", graph, "-map", "[out]", "-c:a", "pcm_f32le", "-f", "wav", output });
        ffmpeg.Run(args, $"Sound: placing {kind.ToString().ToLowerInvariant()} {source}", cancellationToken);
    }

    private static void Mix(FfmpegTool ffmpeg, IReadOnlyList<string> stems, double duration, string output, CancellationToken cancellationToken, bool limit = true)
    {
        var args = new List<string>();
        string graph;
        if (stems.Count == 0)
        {
            graph = $"anullsrc=r={SampleRate}:cl=stereo,atrim=duration={F(duration)}";
        }
        else
        {
            foreach (var stem in stems)
            {
                args.AddRange(new[] { "-i", stem });
            }

            graph = string.Concat(stems.Select((_, i) => $"[{i}:a]")) + $"amix=inputs={stems.Count}:normalize=0:duration=longest";
        }

        if (limit)
        {
            graph += "," + TruePeakLimiter(Loudness.MixLimiterCeiling - LimiterMargin);
        }

        args.AddRange(new[] { "-filter_complex", graph + $",aformat=sample_fmts=flt:channel_layouts=stereo[out]", "-map", "[out]", "-c:a", "pcm_f32le", "-f", "wav", output });
        ffmpeg.Run(args, "Sound: mix", cancellationToken);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
