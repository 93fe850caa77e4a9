namespace CineForge.Runtime.Stages.Keyframe.Previz;

/// <summary>
/// The previz's drawing of a sheet as a QA reference (a character's portrait for QA10, a product's
/// detail for QA12): one size, default settings, detail seed 0, so the same sheet in the same light is
/// the same picture whichever take asks for it.
/// </summary>
internal static class SheetDrawing
{
    /// <summary>Width of the reference frame.</summary>
    public const int Width = 384;

    /// <summary>Height of the reference frame.</summary>
    public const int Height = 216;

    /// <summary>Draws <paramref name="scene"/> (at <see cref="Width"/> x <see cref="Height"/>).</summary>
    public static KeyframeImage Draw(Scene.ScenePlan scene) =>
        new PrevizKeyframeGenerator().Generate(new KeyframeRequest(scene, string.Empty, new CineForge.KeyframeSettings(), 0), CancellationToken.None);
}
