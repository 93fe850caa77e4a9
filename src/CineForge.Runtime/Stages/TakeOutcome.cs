using CineForge.Rules;
using CineForge.Runtime.Determinism;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Correct;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Select.Qa;
using CineForge.Runtime.Scene;

namespace CineForge.Runtime.Stages;

/// <summary>What the keyframe stage of a take makes: its request, the drawn keyframe's key, and the key after the declared corrections.</summary>
/// <param name="Request">The keyframe request.</param>
/// <param name="BaseKey">The drawn keyframe.</param>
/// <param name="Key">The keyframe the take is animated from: <paramref name="BaseKey"/> after the declared corrections.</param>
/// <param name="Applied">Declared correction passes applied.</param>
internal sealed record KeyframeOutput(KeyframeRequest Request, string BaseKey, string Key, int Applied)
{
    /// <summary>The keys the keyframe stage of <paramref name="take"/> makes; computed, nothing rendered or read.</summary>
    public static KeyframeOutput Of(ShotContext context, BackendIdentities identities, ShotTake take)
    {
        var request = KeyframeStage.RequestFor(context, take);
        var baseKey = KeyframeStage.KeyOf(identities.Keyframes, request);
        var key = baseKey;
        var applied = 0;
        foreach (var declared in DeclaredCorrections(take))
        {
            applied++;
            key = CorrectStage.KeyOf(identities.Refiner, key, declared.Denoise, PassSeed(take, applied));
        }

        return new KeyframeOutput(request, baseKey, key, applied);
    }

    /// <summary>The corrections the shot declares, within the method's pass budget.</summary>
    public static IEnumerable<CorrectionPass> DeclaredCorrections(ShotTake take) => take.Shot.Corrections.Take(Recommended.MaxCorrectionPasses);

    /// <summary>The seed of correction pass <paramref name="pass"/> of <paramref name="take"/>.</summary>
    public static long PassSeed(ShotTake take, int pass) => (long)SeededRandom.Mix(((ulong)(uint)take.Seed << 8) | (uint)pass);
}

/// <summary>One animation pass of a take, as <c>shot.json</c> logs it.</summary>
/// <param name="CorrectionPasses">img2img passes applied to the keyframe this clip was animated from.</param>
/// <param name="KeyframeKey">That keyframe.</param>
/// <param name="ClipKey">The clip.</param>
/// <param name="Qa">The clip's QA.</param>
internal sealed record PassLog(int CorrectionPasses, string KeyframeKey, string ClipKey, QaReport Qa);

/// <summary>What the keyframe and animate stages of a take made: the passes and the final clip.</summary>
/// <param name="Take">The take.</param>
/// <param name="Keyframe">The keyframe stage's output.</param>
/// <param name="Applied">Correction passes applied in all (declared plus automatic).</param>
/// <param name="Passes">Each animation pass.</param>
/// <param name="Clip">The last pass's clip: the take's clip.</param>
internal sealed record TakeOutcome(ShotTake Take, KeyframeOutput Keyframe, int Applied, IReadOnlyList<PassLog> Passes, ClipArtefact Clip)
{
    /// <summary>
    /// The animate stage's passes: a clip from the keyframe stage's output; while it has a major QA
    /// failure and the budget of <see cref="Recommended.MaxCorrectionPasses"/> allows, an img2img pass
    /// at the shot's denoise with a fresh pass seed, and a new clip. Null when <paramref name="steps"/>
    /// finds a clip missing (only when they look without rendering).
    /// </summary>
    public static async Task<TakeOutcome?> WalkAsync(ShotTake take, KeyframeOutput keyframe, IPassSteps steps)
    {
        var key = keyframe.Key;
        var applied = keyframe.Applied;
        var passes = new List<PassLog>();
        var clip = await steps.ClipAsync(key).ConfigureAwait(false);
        if (clip is null)
        {
            return null;
        }

        passes.Add(new PassLog(applied, key, clip.Key, clip.Qa));
        while (clip.Qa.MajorFailures.Any() && applied < Recommended.MaxCorrectionPasses)
        {
            applied++;
            key = steps.Correct(key, take.Shot.Keyframe.Denoise, KeyframeOutput.PassSeed(take, applied), $"pass {applied}: {string.Join(", ", clip.Qa.MajorFailures.Select(f => f.Id))}");
            clip = await steps.ClipAsync(key).ConfigureAwait(false);
            if (clip is null)
            {
                return null;
            }

            passes.Add(new PassLog(applied, key, clip.Key, clip.Qa));
        }

        return new TakeOutcome(take, keyframe, applied, passes, clip);
    }
}

/// <summary>How <see cref="TakeOutcome.WalkAsync"/> gets a pass's clip and correction: by rendering what is missing, or by looking only.</summary>
internal interface IPassSteps
{
    /// <summary>The clip animated from keyframe <paramref name="keyframeKey"/>, or null when looking only and it is missing.</summary>
    Task<ClipArtefact?> ClipAsync(string keyframeKey);

    /// <summary>The key of the img2img pass over <paramref name="sourceKey"/>.</summary>
    string Correct(string sourceKey, double denoise, long passSeed, string note);
}
