namespace CineForge.Runtime.Stages;

/// <summary>
/// The identities of a render's three backends: all that addressing its artefacts needs. Selection
/// reads artefacts by these keys and renders nothing, so it needs no backend, only its identity.
/// </summary>
/// <param name="Keyframes">Text-to-image.</param>
/// <param name="Refiner">img2img.</param>
/// <param name="Animator">Image-to-video.</param>
/// <param name="Faces">The face recognizer of QA10, when the render has one.</param>
public sealed record BackendIdentities(BackendIdentity Keyframes, BackendIdentity Refiner, BackendIdentity Animator, BackendIdentity? Faces = null)
{
    /// <summary>The identities of <paramref name="backends"/>.</summary>
    public static BackendIdentities Of(RenderBackends backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        return new(backends.Keyframes.Identity, backends.Refiner.Identity, backends.Animator.Identity, backends.Faces?.Identity);
    }

    /// <summary>Keyframes, refiner, animator, in that order, then the face recognizer when there is one.</summary>
    public IReadOnlyList<BackendIdentity> ToList() => Faces is null ? [Keyframes, Refiner, Animator] : [Keyframes, Refiner, Animator, Faces];
}
