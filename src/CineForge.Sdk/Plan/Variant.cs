using CineForge.Rules;

namespace CineForge;

/// <summary>
/// Version B of a shot: the shot with one setting changed (one variable per iteration).
/// A is the shot itself.
/// </summary>
/// <param name="Label">"B".</param>
/// <param name="Changes">What B changes.</param>
public sealed record Variant(string Label, VariantChanges Changes);

/// <summary>The settings a variant changes; unset means "as in A".</summary>
public sealed record VariantChanges
{
    /// <summary>No change.</summary>
    public static VariantChanges None { get; } = new();

    /// <summary>Seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Motion strength (0..1).</summary>
    public double? Motion { get; init; }

    /// <summary>Duration in seconds.</summary>
    public double? Duration { get; init; }

    /// <summary>Camera move.</summary>
    public Camera? Camera { get; init; }

    /// <summary>Guidance scale.</summary>
    public double? Cfg { get; init; }

    /// <summary>Sampling steps.</summary>
    public int? Steps { get; init; }

    /// <summary>img2img denoise.</summary>
    public double? Denoise { get; init; }

    /// <summary>Dominant light direction.</summary>
    public LightDirection? Light { get; init; }

    /// <summary>The names of the changed settings, in declaration order.</summary>
    public IReadOnlyList<string> ChangedSettings()
    {
        var changed = new List<string>();
        Add(changed, Seed, VariantSettings.Names[0]);
        Add(changed, Motion, VariantSettings.Names[1]);
        Add(changed, Duration, VariantSettings.Names[2]);
        Add(changed, Camera, VariantSettings.Names[3]);
        Add(changed, Cfg, VariantSettings.Names[4]);
        Add(changed, Steps, VariantSettings.Names[5]);
        Add(changed, Denoise, VariantSettings.Names[6]);
        Add(changed, Light, VariantSettings.Names[7]);
        return changed;
    }

    private static void Add<T>(List<string> list, T? value, string name)
        where T : struct
    {
        if (value.HasValue)
        {
            list.Add(name);
        }
    }
}

/// <summary>Fluent setters of <see cref="VariantChanges"/>.</summary>
public static class VariantChangesExtensions
{
    /// <summary>B uses another seed.</summary>
    public static VariantChanges Seed(this VariantChanges changes, int seed) => changes with { Seed = seed };

    /// <summary>B uses another motion strength (0..1).</summary>
    public static VariantChanges Motion(this VariantChanges changes, double strength) => changes with { Motion = Guard.Within(strength, Recommended.MotionDomain, nameof(strength), RuleIds.CF0204, "motion strength") };

    /// <summary>B lasts another duration, in seconds.</summary>
    public static VariantChanges Duration(this VariantChanges changes, double seconds) => changes with { Duration = Guard.Positive(seconds, nameof(seconds), RuleIds.CF0201, "seconds") };

    /// <summary>B uses another camera move.</summary>
    public static VariantChanges Camera(this VariantChanges changes, Camera camera) => changes with { Camera = camera };

    /// <summary>B uses another guidance scale.</summary>
    public static VariantChanges Cfg(this VariantChanges changes, double cfg) => changes with { Cfg = Guard.Positive(cfg, nameof(cfg), RuleIds.CF0104, "guidance units") };

    /// <summary>B uses other sampling steps.</summary>
    public static VariantChanges Steps(this VariantChanges changes, int steps) => changes with { Steps = Guard.Positive(steps, nameof(steps), RuleIds.CF0103, "steps") };

    /// <summary>B uses another img2img denoise (0..1).</summary>
    public static VariantChanges Denoise(this VariantChanges changes, double denoise) => changes with { Denoise = Guard.Within(denoise, Recommended.DenoiseDomain, nameof(denoise), RuleIds.CF0106, "denoise") };

    /// <summary>B lights from another direction.</summary>
    public static VariantChanges Light(this VariantChanges changes, LightDirection light) => changes with { Light = light };
}

/// <summary>A targeted img2img correction pass on a shot's keyframe.</summary>
/// <param name="Denoise">img2img strength (0..1; the method uses 0.25–0.40).</param>
/// <param name="Note">What the pass corrects ("hands").</param>
public sealed record CorrectionPass(double Denoise, string? Note = null);
