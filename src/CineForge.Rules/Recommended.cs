using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>
/// The method's recommended values ("starting settings" and "safety rules"). The only place
/// in CineForge where these numbers are written.
/// </summary>
public static class Recommended
{
    /// <summary>Clip duration in seconds: 3–5 s keeps AI video stable.</summary>
    public static readonly NumericRange ClipDuration = new(3, 5);

    /// <summary>Hard maximum clip length in seconds: longer clips are generated as short segments and edited.</summary>
    public const double MaxClipSeconds = 5;

    /// <summary>Frames per second: the cinema rhythm.</summary>
    public const int Fps = 24;

    /// <summary>Motion strength (0..1) when the shot type gives none: credible movement.</summary>
    public static readonly NumericRange MotionStrength = new(0.35, 0.55);

    /// <summary>The legal domain of motion strength.</summary>
    public static readonly NumericRange MotionDomain = new(0, 1);

    /// <summary>The legal domain of amounts given as a fraction: grain, contrast, look strength.</summary>
    public static readonly NumericRange UnitInterval = new(0, 1);

    /// <summary>The legal domain of an exposure change, in stops.</summary>
    public static readonly NumericRange ExposureDomain = new(-4, 4);

    /// <summary>img2img denoise (0..1): controlled variation; higher values change faces.</summary>
    public static readonly NumericRange Denoise = new(0.25, 0.40);

    /// <summary>The legal domain of a denoise strength.</summary>
    public static readonly NumericRange DenoiseDomain = new(0, 1);

    /// <summary>Sampling steps.</summary>
    public static readonly NumericRange Steps = new(30, 45);

    /// <summary>Classifier-free guidance scale.</summary>
    public static readonly NumericRange Cfg = new(4.5, 6.5);

    /// <summary>The method's sampler.</summary>
    public const Sampler DefaultSampler = Sampler.DpmPlusPlus2MKarras;

    /// <summary>Human name of the method's sampler, as messages and prompts write it.</summary>
    public const string DefaultSamplerName = "DPM++ 2M Karras";

    /// <summary>Keyframe resolutions the method starts from; the first is the default working resolution.</summary>
    public static readonly IReadOnlyList<FrameSize> KeyframeResolutions = new[] { new FrameSize(1536, 864), new FrameSize(1920, 1080) };

    /// <summary>Default sampling steps (the middle of <see cref="Steps"/>, rounded).</summary>
    public const int DefaultSteps = 36;

    /// <summary>Default CFG scale.</summary>
    public const double DefaultCfg = 5.5;

    /// <summary>Default img2img denoise for correction passes.</summary>
    public const double DefaultDenoise = 0.3;

    /// <summary>Default grain amount (0..1): light.</summary>
    public const double DefaultGrain = 0.04;

    /// <summary>Grain amount above which grain stops being "light" (0..1).</summary>
    public const double MaxLightGrain = 0.12;

    /// <summary>Versions kept per shot: A, plus B at most.</summary>
    public const int MaxVersionsPerShot = 2;

    /// <summary>Variables an A/B pair may differ in: one per iteration.</summary>
    public const int MaxVariablesPerVariant = 1;

    /// <summary>Correction passes before a shot is rejected.</summary>
    public const int MaxCorrectionPasses = 2;

    /// <summary>Minimum number of consistent shots before publication.</summary>
    public const int MinShots = 3;

    /// <summary>Length of the ad's end window whose visual noise is measured (QA07), in seconds.</summary>
    public const double CtaWindowSeconds = 3;

    /// <summary>Time allowed to tell the one-page pitch (logline, arc, shot list, charters), in seconds.</summary>
    public const double PitchSeconds = 90;

    /// <summary>Speaking rate used to time the pitch, in words per minute.</summary>
    public const double PitchWordsPerMinute = 150;

    /// <summary>Words that fit in <see cref="PitchSeconds"/> at <see cref="PitchWordsPerMinute"/>.</summary>
    public static int PitchMaxWords => (int)(PitchSeconds / 60 * PitchWordsPerMinute);

    /// <summary>Strongest LUT or look strength (0..1) before the look counts as too heavy.</summary>
    public const double MaxLookStrength = 0.6;

    /// <summary>Default LUT or look strength (0..1): a light final look.</summary>
    public const double DefaultLookStrength = 0.35;

    /// <summary>Highlight headroom of distribution exports: peak white as a fraction of full scale.</summary>
    public const double DistributionHighlightCeiling = 0.94;

    /// <summary>Default exposure change in stops when <c>Exposure()</c> is called without one.</summary>
    public const double DefaultExposureStops = 0;

    /// <summary>Default soft contrast amount (0..1).</summary>
    public const double DefaultSoftContrast = 0.15;
}
