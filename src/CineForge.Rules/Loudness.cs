namespace CineForge.Rules;

/// <summary>The sound base, in LUFS (EBU R128 integrated loudness).</summary>
public static class Loudness
{
    /// <summary>Ambience / room tone target.</summary>
    public const double Ambience = -24;

    /// <summary>Allowed distance from a target before QA05 fails, in LU.</summary>
    public const double Tolerance = 1;

    /// <summary>Ambience range: the target ± the tolerance.</summary>
    public static readonly NumericRange AmbienceRange = new(Ambience - Tolerance, Ambience + Tolerance);

    /// <summary>Punctual effects.</summary>
    public static readonly NumericRange Effects = new(-18, -14);

    /// <summary>Default effect target: the middle of <see cref="Effects"/>.</summary>
    public static double DefaultEffect => Effects.Midpoint;

    /// <summary>How far below the ambience music sits by default, in LU: support, not camouflage.</summary>
    public const double MusicBelowBed = 4;

    /// <summary>Default music target.</summary>
    public const double DefaultMusic = Ambience - MusicBelowBed;

    /// <summary>Integrated loudness of the final mix for web delivery.</summary>
    public const double MixTarget = -16;

    /// <summary>True-peak ceiling of every stem and of the mix, dBTP (EBU R128, ITU-R BS.1770): normalisation never goes above it.</summary>
    public const double TruePeakCeiling = -1;

    /// <summary>
    /// Where the mix's true-peak limiter sits, dBTP: a dB under <see cref="TruePeakCeiling"/>, the room
    /// lossy codecs need (AAC's reconstruction overshoots the source's peaks by up to about half a dB).
    /// </summary>
    public const double MixLimiterCeiling = TruePeakCeiling - 1;

    /// <summary>
    /// The shortest sound that can be brought to a loudness target, seconds: one 100 ms step of the
    /// BS.1770 400 ms gating blocks. Anything shorter is measured by where it falls between blocks.
    /// </summary>
    public const double ShortestMeasurable = 0.1;

    /// <summary>The shortest ambience or music file that loops to the film's length without the loop being heard every few beats, seconds.</summary>
    public const double ShortestLoop = 1;
}
