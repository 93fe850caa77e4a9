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
    /// <summary>The cache key of the pass <paramref name="refiner"/> makes of keyframe <paramref name="sourceKey"/>.</summary>
    public static string KeyOf(BackendIdentity refiner, string sourceKey, double denoise, long passSeed) =>
        ArtefactKey.For("correction")
            .Add("backend", refiner)
            .Add("source", sourceKey)
            .Add("denoise", denoise)
            .Add("passSeed", passSeed)
            .Hash();

    /// <summary>Applies one pass to <paramref name="source"/> (stored as <paramref name="sourceKey"/>); a stored pass is returned without reading its source.</summary>
    public (Lazy<KeyframeImage> Keyframe, string Key) Run(ShotContext context, ShotTake take, KeyframeRequest request, Lazy<KeyframeImage> source, string sourceKey, double denoise, long passSeed, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(source);
        var key = KeyOf(refiner.Identity, sourceKey, denoise, passSeed);
        if (KeyframeStage.IsStored(context.Store, key))
        {
            return (KeyframeStage.Stored(context.Store, key), key);
        }

        context.Report(take, RenderStage.Correct, message: note);
        var refined = refiner.Refine(source.Value, request, denoise, passSeed, cancellationToken);
        KeyframeStage.Save(context, key, refined);
        context.Work.Correction();
        return (new Lazy<KeyframeImage>(refined), key);
    }
}
