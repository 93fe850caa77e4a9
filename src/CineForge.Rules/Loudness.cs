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
}
