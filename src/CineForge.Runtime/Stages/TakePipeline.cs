using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Correct;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages;

/// <summary>
/// The two stage jobs of a take, as a local render and a farm worker both run them. Keyframe: the
/// keyframe and the shot's declared img2img corrections. Animate: the clip from the keyframe stage's
/// output, its QA, and the automatic img2img passes a major QA failure asks for (they depend on the
/// QA, so they belong here). Each stage reads its input from the store and writes its output there;
/// a stage whose output is stored does no work and decodes nothing.
/// </summary>
public sealed class TakePipeline(RenderBackends backends)
{
    private readonly KeyframeStage keyframes = new(backends.Keyframes);
    private readonly CorrectStage corrections = new(backends.Refiner);
    private readonly AnimateStage animation = new(backends.Animator, backends.Faces);
    private readonly BackendIdentities identities = BackendIdentities.Of(backends);

    /// <summary>The keyframe stage of <paramref name="take"/>: draws its keyframe and applies its declared corrections, or finds them stored.</summary>
    public StageRun Keyframe(ShotContext context, ShotTake take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(take);
        var stage = context.WithNewCounter();
        return StageFailure.Named(take.Index, take.Shot.Name, ShotStage.Keyframe, take.Label, () =>
        {
            var request = KeyframeStage.RequestFor(stage, take);
            var (keyframe, key) = keyframes.Run(stage, take, request, cancellationToken);
            var applied = 0;
            foreach (var declared in KeyframeOutput.DeclaredCorrections(take))
            {
                applied++;
                (keyframe, key) = corrections.Run(stage, take, request, keyframe, key, declared.Denoise, KeyframeOutput.PassSeed(take, applied), declared.Note ?? $"pass {applied}", cancellationToken);
            }

            return Finished(ShotStage.Keyframe, take, stage);
        });
    }

    /// <summary>
    /// The animate stage of <paramref name="take"/>: animates the keyframe stage's output, measures
    /// QA, and runs the automatic correction passes, or finds every pass stored.
    /// </summary>
    /// <exception cref="StageInputMissingException">A clip must be rendered but the keyframe stage's output is not in the store.</exception>
    public Task<StageRun> AnimateAsync(ShotContext context, ShotTake take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(take);
        var stage = context.WithNewCounter();
        return StageFailure.NamedAsync(take.Index, take.Shot.Name, ShotStage.Animate, take.Label, async () =>
        {
            var keyframe = KeyframeOutput.Of(stage, identities, take);
            await TakeOutcome.WalkAsync(take, keyframe, new RenderingSteps(this, stage, take, keyframe, cancellationToken)).ConfigureAwait(false);
            return Finished(ShotStage.Animate, take, stage);
        });
    }

    /// <summary>What the stages of <paramref name="take"/> made, read from the store without rendering; null when a clip is missing.</summary>
    internal static Task<TakeOutcome?> FindAsync(ShotContext context, BackendIdentities identities, ShotTake take)
    {
        var keyframe = KeyframeOutput.Of(context, identities, take);
        return TakeOutcome.WalkAsync(take, keyframe, new LookupSteps(context, identities, take));
    }

    private static StageRun Finished(ShotStage stage, ShotTake take, ShotContext context)
    {
        var work = context.Work.Snapshot();
        return new StageRun(stage, take.Label, context.Worker, !work.IsNone, work);
    }

    /// <summary>Renders what the store lacks; the current keyframe is decoded only when a pass needs its pixels.</summary>
    private sealed class RenderingSteps(TakePipeline pipeline, ShotContext context, ShotTake take, KeyframeOutput start, CancellationToken cancellationToken) : IPassSteps
    {
        private Lazy<KeyframeImage> keyframe = KeyframeStage.Stored(context.Store, start.Key);

        public async Task<ClipArtefact?> ClipAsync(string keyframeKey) =>
            await pipeline.animation.RunAsync(context, take, keyframe, keyframeKey, cancellationToken).ConfigureAwait(false);

        public string Correct(string sourceKey, double denoise, long passSeed, string note)
        {
            (keyframe, var key) = pipeline.corrections.Run(context, take, start.Request, keyframe, sourceKey, denoise, passSeed, note, cancellationToken);
            return key;
        }
    }

    /// <summary>Looks only: computes each pass's key and reads the stored clip, or reports it missing.</summary>
    private sealed class LookupSteps(ShotContext context, BackendIdentities identities, ShotTake take) : IPassSteps
    {
        public Task<ClipArtefact?> ClipAsync(string keyframeKey) => Task.FromResult(AnimateStage.Find(context, identities, take, keyframeKey));

        public string Correct(string sourceKey, double denoise, long passSeed, string note) => CorrectStage.KeyOf(identities.Refiner, sourceKey, denoise, passSeed);
    }
}
