using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Animate;

/// <summary>
/// Image-to-video: turns a keyframe into frames along the planned camera path. Frames are handed
/// to the sink one at a time and may be reused after the call returns: nothing holds a whole clip.
/// </summary>
public interface IAnimator
{
    /// <summary>Id, version and model hashes; part of every clip's cache key.</summary>
    BackendIdentity Identity { get; }

    /// <summary>Animates <paramref name="keyframe"/>, calling <paramref name="sink"/> once per frame in order.</summary>
    void Animate(KeyframeImage keyframe, AnimationRequest request, Action<AnimatedFrame> sink, CancellationToken cancellationToken);
}

/// <summary>What the animator is asked for.</summary>
/// <param name="Path">The planned camera trajectory (frames, zoom, offsets).</param>
/// <param name="Fps">Frames per second.</param>
/// <param name="Grain">Grain density (0..1) the frames carry.</param>
/// <param name="Seed">The take's seed: grain and light breathing.</param>
public sealed record AnimationRequest(CameraPath Path, int Fps, double Grain, long Seed);

/// <summary>One frame of a clip and where its subject is, in output pixels.</summary>
/// <param name="Index">0-based frame number.</param>
/// <param name="Image">The frame (a buffer the animator reuses).</param>
/// <param name="Subject">The subject's box in the frame.</param>
/// <param name="Face">The lead character's face box in the frame, where the backend knows it (QA10); null otherwise.</param>
public readonly record struct AnimatedFrame(int Index, RgbImage Image, PixelBox Subject, PixelBox? Face = null);
