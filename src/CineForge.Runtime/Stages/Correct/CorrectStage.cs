using CineForge.Runtime.Cache;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Correct;

/// <summary>
/// Stage 3: an img2img correction pass on a keyframe at a denoise strength. Each pass is its own
/// artefact, keyed by its source keyframe, the refiner, the strength and the pass's seed.
/// </summary>
public sealed class CorrectStage(IImageRefiner refiner)
{
    /// <summary>Applies one pass to <paramref name="source"/> (stored as <paramref name="sourceKey"/>).</summary>
    public (KeyframeImage Keyframe, string Key) Run(ShotContext context, ShotTake take, KeyframeRequest request, KeyframeImage source, string sourceKey, double denoise, long passSeed, string note, CancellationToken cancellationToken)
    {
        var key = ArtefactKey.For("correction")
            .Add("backend", refiner.Identity)
            .Add("source", sourceKey)
            .Add("denoise", denoise)
            .Add("passSeed", passSeed)
            .Hash();
        if (KeyframeStage.TryLoad(context.Store, key) is { } cached)
        {
            return (cached, key);
        }

        context.Report(take, RenderStage.Correct, message: note);
        var refined = refiner.Refine(source, request, denoise, passSeed, cancellationToken);
        KeyframeStage.Save(context.Store, key, refined);
        context.Work.Correction();
        return (refined, key);
    }
}
