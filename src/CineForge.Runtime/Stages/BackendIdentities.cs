namespace CineForge.Runtime.Stages;

/// <summary>
/// The identities of a render's three backends: all that addressing its artefacts needs. Selection
/// reads artefacts by these keys and renders nothing, so it needs no backend, only its identity.
/// </summary>
/// <param name="Keyframes">Text-to-image.</param>
/// <param name="Refiner">img2img.</param>
/// <param name="Animator">Image-to-video.</param>
public sealed record BackendIdentities(BackendIdentity Keyframes, BackendIdentity Refiner, BackendIdentity Animator)
{
    /// <summary>The identities of <paramref name="backends"/>.</summary>
    public static BackendIdentities Of(RenderBackends backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        return new(backends.Keyframes.Identity, backends.Refiner.Identity, backends.Animator.Identity);
    }

    /// <summary>Keyframes, refiner, animator, in that order.</summary>
    public IReadOnlyList<BackendIdentity> ToList() => [Keyframes, Refiner, Animator];
}
