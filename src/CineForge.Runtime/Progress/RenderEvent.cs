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
public sealed record RenderEvent(int ShotIndex, string Shot, string Take, RenderStage Stage, int Frame = 0, int Frames = 0, string? Message = null);
