using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Correct;

/// <summary>
/// img2img: re-renders a keyframe at a denoise strength (0..1), keeping what the strength does not
/// touch. The previz refiner blends a seeded re-render; the ONNX backend will run the real one.
/// </summary>
public interface IImageRefiner
{
    /// <summary>Id, version and model hashes; part of every corrected keyframe's cache key.</summary>
    BackendIdentity Identity { get; }

    /// <summary>Refines <paramref name="source"/> at <paramref name="denoise"/> with the pass's <paramref name="passSeed"/>.</summary>
    KeyframeImage Refine(KeyframeImage source, KeyframeRequest request, double denoise, long passSeed, CancellationToken cancellationToken);
}
