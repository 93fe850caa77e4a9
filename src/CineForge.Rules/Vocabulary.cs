// The method's vocabulary. These enums live in the catalog so the SDK, the analyzers and the
// runtime share one spelling; they sit in the CineForge namespace because film scripts use them.
namespace CineForge;

/// <summary>The four shot types of the method's settings-by-shot-type table.</summary>
public enum ShotType
{
    /// <summary>Tight portrait: 3–4 s, motion 0.30–0.40, almost fixed camera (risk: face drift).</summary>
    TightPortrait,

    /// <summary>Medium action shot: 4–5 s, motion 0.40–0.55, simplified gesture (risk: hands and edges).</summary>
    MediumAction,

    /// <summary>Wide ambience shot: 3–5 s, motion 0.25–0.40, limited tracking (risk: set geometry).</summary>
    WideAmbience,

    /// <summary>Object detail shot: 2–4 s, motion 0.20–0.35, explicit material (risk: "CGI" texture).</summary>
    ObjectDetail,
}

/// <summary>A plausible camera movement. Travel scales with the shot's motion strength.</summary>
public enum Camera
{
    /// <summary>Locked off; only subtle life moves.</summary>
    Static,

    /// <summary>Slow move towards the subject.</summary>
    PushIn,

    /// <summary>Slow move away from the subject.</summary>
    PullOut,

    /// <summary>Pan towards frame left.</summary>
    PanLeft,

    /// <summary>Pan towards frame right.</summary>
    PanRight,

    /// <summary>Tilt up.</summary>
    TiltUp,

    /// <summary>Tilt down.</summary>
    TiltDown,

    /// <summary>A barely perceptible float: the "almost fixed" camera.</summary>
    Drift,

    /// <summary>A lateral tracking shot (dolly or truck).</summary>
    Tracking,

    /// <summary>Handheld: irregular, demonstrative movement.</summary>
    Handheld,
}

/// <summary>The narrative role of a shot: setup → tension → decision → consequence, CTA last in ads.</summary>
public enum Beat
{
    /// <summary>A role described in words only; it does not count towards the four-beat arc.</summary>
    Custom,

    /// <summary>Sets the place, the character, the stakes.</summary>
    Setup,

    /// <summary>Raises the problem.</summary>
    Tension,

    /// <summary>The character chooses.</summary>
    Decision,

    /// <summary>What the choice changes.</summary>
    Consequence,

    /// <summary>The ad's call to action: the last seconds must land.</summary>
    CallToAction,
}

/// <summary>A coarse three-step level (temporal consistency, noise, contrast).</summary>
public enum Level
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>Where the dominant light comes from, seen from the camera.</summary>
public enum LightDirection
{
    /// <summary>From camera left.</summary>
    Left,

    /// <summary>From camera right.</summary>
    Right,

    /// <summary>From behind the camera.</summary>
    Front,

    /// <summary>From behind the subject (backlight).</summary>
    Back,

    /// <summary>From above.</summary>
    Top,
}

/// <summary>Where the subject looks, in screen directions (the gaze axis of the transition rule).</summary>
public enum GazeAxis
{
    /// <summary>Towards frame left.</summary>
    Left,

    /// <summary>Towards frame right.</summary>
    Right,

    /// <summary>Into the lens.</summary>
    Camera,

    /// <summary>Up.</summary>
    Up,

    /// <summary>Down.</summary>
    Down,
}

/// <summary>Time of day; sets the sky and the ambient level.</summary>
public enum TimeOfDay
{
    /// <summary>Dawn.</summary>
    Dawn,

    /// <summary>Morning.</summary>
    Morning,

    /// <summary>Noon.</summary>
    Noon,

    /// <summary>Afternoon.</summary>
    Afternoon,

    /// <summary>Golden hour.</summary>
    GoldenHour,

    /// <summary>Dusk.</summary>
    Dusk,

    /// <summary>Night.</summary>
    Night,
}

/// <summary>Weather; sets the sky, the haze and the softness of the light.</summary>
public enum Weather
{
    /// <summary>Clear.</summary>
    Clear,

    /// <summary>Overcast.</summary>
    Overcast,

    /// <summary>Rain.</summary>
    Rain,

    /// <summary>Fog.</summary>
    Fog,

    /// <summary>Snow.</summary>
    Snow,
}

/// <summary>Diffusion samplers. The method starts from DPM++ 2M Karras.</summary>
public enum Sampler
{
    /// <summary>DPM++ 2M with Karras sigmas (the method's choice).</summary>
    DpmPlusPlus2MKarras,

    /// <summary>Euler.</summary>
    Euler,

    /// <summary>Euler ancestral.</summary>
    EulerAncestral,

    /// <summary>DDIM.</summary>
    Ddim,

    /// <summary>DPM++ SDE.</summary>
    DpmPlusPlusSde,
}

/// <summary>Grade operations. The first five are the method's order; the rest are flagged when misused.</summary>
public enum GradeStepKind
{
    /// <summary>Primary exposure correction, in stops.</summary>
    Exposure,

    /// <summary>Gentle S-curve contrast.</summary>
    SoftContrast,

    /// <summary>Hue/saturation correction limited to skin tones.</summary>
    SecondarySkin,

    /// <summary>Shots matched to a reference by measured colour statistics; casts neutralized.</summary>
    Harmonize,

    /// <summary>Fine, homogeneous film grain.</summary>
    Grain,

    /// <summary>A 3D LUT from a .cube file.</summary>
    Lut,

    /// <summary>A named creative look.</summary>
    Look,

    /// <summary>Sharpening (the "video-game" look).</summary>
    Sharpen,
}

/// <summary>Export targets.</summary>
public enum ExportKind
{
    /// <summary>The high-quality master.</summary>
    Master,

    /// <summary>Web distribution, 16:9.</summary>
    Web,

    /// <summary>Mobile distribution, 9:16.</summary>
    Mobile,
}

/// <summary>Film formats.</summary>
public enum FilmKind
{
    /// <summary>A short film.</summary>
    Short,

    /// <summary>An advertisement, which must end on a call to action.</summary>
    Ad,
}
