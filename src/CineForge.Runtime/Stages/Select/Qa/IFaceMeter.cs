using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>
/// A face recognizer for QA10 on pictures whose backend does not know where it drew the face (a
/// model backend): finds the most prominent face in a frame and embeds it. The previz needs none: it
/// records the face it drew and QA10 reads it there (<see cref="FaceSignature"/>).
/// </summary>
public interface IFaceMeter
{
    /// <summary>Id, version and model hashes; part of the QA report's cache key.</summary>
    BackendIdentity Identity { get; }

    /// <summary>The L2-normalized embedding of the most prominent face in <paramref name="frame"/>, or null when it finds none.</summary>
    float[]? Embed(RgbImage frame);
}
