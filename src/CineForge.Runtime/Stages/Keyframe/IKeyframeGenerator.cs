using CineForge.Runtime.Scene;

namespace CineForge.Runtime.Stages.Keyframe;

/// <summary>
/// Text-to-image: draws a shot's keyframe. The embedded previz generator draws procedurally on the
/// CPU; a Stable Diffusion backend plugs in here. Same request, same pixels.
/// </summary>
public interface IKeyframeGenerator
{
    /// <summary>Id, version and model hashes; part of every keyframe's cache key.</summary>
    BackendIdentity Identity { get; }

    /// <summary>Draws the keyframe of <paramref name="request"/>.</summary>
    KeyframeImage Generate(KeyframeRequest request, CancellationToken cancellationToken);
}

/// <summary>What a keyframe generator is asked for.</summary>
/// <param name="Scene">The resolved scene.</param>
/// <param name="Prompt">The assembled prompt (used by model backends; the previz reads <paramref name="Scene"/>).</param>
/// <param name="Settings">Steps, CFG, sampler.</param>
/// <param name="DetailSeed">Seed of fine detail; equals the scene seed except in correction passes.</param>
public sealed record KeyframeRequest(ScenePlan Scene, string Prompt, KeyframeSettings Settings, long DetailSeed);
