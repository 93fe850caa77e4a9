using CineForge.Rules;

namespace CineForge;

/// <summary>Text-to-image settings of a shot's keyframe. Defaults are the method's starting settings.</summary>
public sealed record KeyframeSettings
{
    /// <summary>The method's starting settings.</summary>
    public static KeyframeSettings Default { get; } = new();

    /// <summary>Working width in pixels.</summary>
    public int Width { get; init; } = Recommended.KeyframeResolutions[0].Width;

    /// <summary>Working height in pixels.</summary>
    public int Height { get; init; } = Recommended.KeyframeResolutions[0].Height;

    /// <summary>Sampling steps (30–45).</summary>
    public int Steps { get; init; } = Recommended.DefaultSteps;

    /// <summary>Classifier-free guidance scale (4.5–6.5).</summary>
    public double Cfg { get; init; } = Recommended.DefaultCfg;

    /// <summary>Sampler.</summary>
    public Sampler Sampler { get; init; } = Recommended.DefaultSampler;

    /// <summary>img2img denoise strength (0..1; 0.25–0.40) of correction passes that give none.</summary>
    public double Denoise { get; init; } = Recommended.DefaultDenoise;
}

/// <summary>Fluent setters of <see cref="KeyframeSettings"/>.</summary>
public static class KeyframeSettingsExtensions
{
    /// <summary>Sets the working resolution in pixels (1536x864 or 1920x1080).</summary>
    public static KeyframeSettings Resolution(this KeyframeSettings settings, int width, int height) => settings with
    {
        Width = Guard.Positive(width, nameof(width), RuleIds.CF0102, "pixels"),
        Height = Guard.Positive(height, nameof(height), RuleIds.CF0102, "pixels"),
    };

    /// <summary>Sets the sampling steps (30–45).</summary>
    public static KeyframeSettings Steps(this KeyframeSettings settings, int steps) => settings with { Steps = Guard.Positive(steps, nameof(steps), RuleIds.CF0103, "steps") };

    /// <summary>Sets the guidance scale (4.5–6.5).</summary>
    public static KeyframeSettings Cfg(this KeyframeSettings settings, double cfg) => settings with { Cfg = Guard.Positive(cfg, nameof(cfg), RuleIds.CF0104, "guidance units") };

    /// <summary>Sets the sampler.</summary>
    public static KeyframeSettings Sampler(this KeyframeSettings settings, Sampler sampler) => settings with { Sampler = sampler };

    /// <summary>Sets the default img2img denoise (0..1; the method uses 0.25–0.40).</summary>
    public static KeyframeSettings Denoise(this KeyframeSettings settings, double denoise) => settings with { Denoise = Guard.Within(denoise, Recommended.DenoiseDomain, nameof(denoise), RuleIds.CF0106, "denoise") };
}
