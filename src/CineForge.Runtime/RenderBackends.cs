using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Correct;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime;

/// <summary>The backends a render uses, one per stage seam.</summary>
/// <param name="Keyframes">Text-to-image.</param>
/// <param name="Refiner">img2img.</param>
/// <param name="Animator">Image-to-video.</param>
/// <param name="Faces">The face recognizer QA10 reads faces with where the keyframes do not record them; null: none (the previz records its faces).</param>
public sealed record RenderBackends(IKeyframeGenerator Keyframes, IImageRefiner Refiner, IAnimator Animator, IFaceMeter? Faces = null)
{
    /// <summary>The embedded previz backends: CPU only, no model download.</summary>
    public static RenderBackends Previz()
    {
        var generator = new PrevizKeyframeGenerator();
        return new RenderBackends(generator, new PrevizImageRefiner(generator), new PrevizAnimator());
    }
}
