using CineForge.Rules;

namespace CineForge;

/// <summary>A continuous stem (ambience or music) and its loudness target.</summary>
/// <param name="Path">Audio file relative to the film's folder; null for a generated room tone.</param>
/// <param name="Lufs">Integrated loudness target.</param>
public sealed record Stem(string? Path, double Lufs);

/// <summary>A punctual effect placed on the timeline.</summary>
/// <param name="Path">Audio file relative to the film's folder.</param>
/// <param name="At">Start time in seconds from the film's start.</param>
/// <param name="Lufs">Integrated loudness target (-18..-14).</param>
public sealed record SoundEffect(string Path, double At, double Lufs);

/// <summary>The sound base: ambience at -24 LUFS, effects at -18..-14, music under them.</summary>
public sealed record SoundMix
{
    /// <summary>No sound declared.</summary>
    public static SoundMix Empty { get; } = new();

    /// <summary>The ambience bed (a file, or a generated room tone when its path is null).</summary>
    public Stem? Ambience { get; init; }

    /// <summary>Punctual effects, in the order declared.</summary>
    public ValueList<SoundEffect> Effects { get; init; } = ValueList<SoundEffect>.Empty;

    /// <summary>Music, under the bed.</summary>
    public Stem? Music { get; init; }
}

/// <summary>Fluent setters of <see cref="SoundMix"/>.</summary>
public static class SoundMixExtensions
{
    /// <summary>The location ambience, at <paramref name="lufs"/> (the method: -24).</summary>
    public static SoundMix Ambience(this SoundMix sound, string path, double lufs = Loudness.Ambience) => sound with { Ambience = new Stem(Guard.Text(path, nameof(path)), Guard.Lufs(lufs, nameof(lufs), RuleIds.CF0701)) };

    /// <summary>A generated room tone as the ambience bed, at <paramref name="lufs"/>.</summary>
    public static SoundMix RoomTone(this SoundMix sound, double lufs = Loudness.Ambience) => sound with { Ambience = new Stem(null, Guard.Lufs(lufs, nameof(lufs), RuleIds.CF0701)) };

    /// <summary>A punctual effect at <paramref name="at"/> seconds, at <paramref name="lufs"/> (-18..-14; default the middle).</summary>
    public static SoundMix Effect(this SoundMix sound, string path, double at, double? lufs = null)
    {
        var start = Guard.Finite(at, nameof(at), RuleIds.CF0702, "an effect's start time");
        if (start < 0)
        {
            throw Guard.Fail(nameof(at), RuleIds.CF0702, "must not be negative", at);
        }

        var target = Guard.Lufs(lufs ?? Loudness.DefaultEffect, nameof(lufs), RuleIds.CF0702);
        return sound with { Effects = sound.Effects.Add(new SoundEffect(Guard.Text(path, nameof(path)), start, target)) };
    }

    /// <summary>Music under the bed, at <paramref name="lufs"/> (default 4 LU under the ambience).</summary>
    public static SoundMix Music(this SoundMix sound, string path, double lufs = Loudness.DefaultMusic) => sound with { Music = new Stem(Guard.Text(path, nameof(path)), Guard.Lufs(lufs, nameof(lufs), RuleIds.CF0704)) };
}
