namespace CineForge.Runtime.Progress;

/// <summary>The stages a shot goes through, as progress reports them.</summary>
public enum RenderStage
{
    /// <summary>Drawing the keyframe.</summary>
    Keyframe,

    /// <summary>img2img correction pass.</summary>
    Correct,

    /// <summary>Animating and encoding; <see cref="RenderEvent.Frame"/> counts frames.</summary>
    Animate,

    /// <summary>Taken from the cache: no work.</summary>
    Cached,

    /// <summary>A take was selected for the shot.</summary>
    Selected,

    /// <summary>The shot was rejected after its correction passes.</summary>
    Rejected,

    /// <summary>Finishing: cutting the selected takes into one timeline.</summary>
    Edit,

    /// <summary>Finishing: the grade.</summary>
    Grade,

    /// <summary>Finishing: the sound stems and mix.</summary>
    Sound,

    /// <summary>Finishing: the master and distribution exports.</summary>
    Export,

    /// <summary>Finishing: the QA report.</summary>
    Report,
}

/// <summary>
/// One progress report. Renderers report through <see cref="IProgress{T}"/> of this type; the CLI
/// shows them live (Spectre.Console) or not at all in CI, and a farm dispatcher forwards them.
/// </summary>
/// <param name="ShotIndex">1-based shot number.</param>
/// <param name="Shot">Shot name.</param>
/// <param name="Take">Take label and seed ("A-seed42").</param>
/// <param name="Stage">What is happening.</param>
/// <param name="Frame">Frames done in this stage.</param>
/// <param name="Frames">Frames in this stage (0 when not counted in frames).</param>
/// <param name="Message">Details: the selection report, the pass number.</param>
public sealed record RenderEvent(int ShotIndex, string Shot, string Take, RenderStage Stage, int Frame = 0, int Frames = 0, string? Message = null)
{
    /// <summary>The name finishing events carry as their shot.</summary>
    public const string FinishingName = "finishing";

    /// <summary>True for the finishing pass's events (shot 0), which concern the whole film.</summary>
    public bool IsFinishing => ShotIndex == 0;

    /// <summary>The finishing pass starting <paramref name="stage"/> (<see cref="RenderStage.Edit"/> to <see cref="RenderStage.Report"/>).</summary>
    public static RenderEvent Finishing(RenderStage stage) => new(0, FinishingName, string.Empty, stage);
}
