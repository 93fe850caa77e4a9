namespace CineForge.Runtime.Stages;

/// <summary>
/// The jobs a shot is rendered in. Per take: <see cref="Keyframe"/>, then <see cref="Animate"/>;
/// once every take is animated, one <see cref="Select"/> for the shot.
/// </summary>
public enum ShotStage
{
    /// <summary>The take's keyframe and its declared img2img corrections.</summary>
    Keyframe,

    /// <summary>The take's animation, its QA, and the automatic img2img passes the QA asks for.</summary>
    Animate,

    /// <summary>The shot's choice of take: the named clips and <c>shot.json</c>.</summary>
    Select,
}

/// <summary>What one stage job did.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Take">The take ("A", "B"), or null for <see cref="ShotStage.Select"/>.</param>
/// <param name="Worker">Who ran it: the farm worker's name, or the local render's.</param>
/// <param name="Rendered">True when it made something; false when its output was already in the store (or the film folder, for a selection).</param>
/// <param name="Work">The rendering it did.</param>
public sealed record StageRun(ShotStage Stage, string? Take, string Worker, bool Rendered, RenderWork Work)
{
    /// <summary>"keyframe A", "select".</summary>
    public string Name => Describe(Stage, Take);

    /// <summary>"keyframe A", "select": a stage job's name in status and messages.</summary>
    public static string Describe(ShotStage stage, string? take) =>
        take is null ? stage.ToString().ToLowerInvariant() : $"{stage.ToString().ToLowerInvariant()} {take}";
}

/// <summary>
/// A stage job's input is not in the store: the stage before it has not completed (or this
/// machine does not see the store the others write). A stage never renders another stage's work
/// in its place; retrying later may find the input.
/// </summary>
public sealed class StageInputMissingException(string message) : Exception(message);
