using System.Text.Json;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Select.Qa;
using CineForge.Serialization;

namespace CineForge.Runtime.Stages.Animate;

/// <summary>
/// Stage 2: animates a keyframe along the planned camera path and streams the frames, one at a
/// time, to FFmpeg and to the QA analyzer. QA is always measured on the frames as they stream, so a
/// take's scores are the same whatever the render's history; the report is stored before the clip
/// is renamed into place, so a stored clip always has its report. When only the QA context changes
/// (the ad's CTA window now reaches into this shot), the clip is rendered again: same bytes, new scores.
/// </summary>
public sealed class AnimateStage(IAnimator animator, IFaceMeter? faces = null)
{
    /// <summary>Version of the QA measurements; bump when a metric's computation changes.</summary>
    public const string AnalyzerVersion = "4";

    /// <summary>The camera path <paramref name="take"/> declares, at <paramref name="size"/>.</summary>
    public static CameraPath PathOf(ShotTake take, FrameSize size) =>
        new(take.Shot.Camera, take.Shot.Motion, ShotContext.FrameCount(take), take.Shot.Fps, size.Width, size.Height, take.Seed);

    /// <summary>Grain density a take's frames carry: the shot's own, else the grade's, else the method's default.</summary>
    public static double GrainOf(Film film, Shot shot) =>
        shot.GrainDensity ?? film.Grade.Steps.Where(s => s.Kind == GradeStepKind.Grain).Select(s => (double?)s.Amount).FirstOrDefault() ?? Recommended.DefaultGrain;

    /// <summary>
    /// The clip of <paramref name="take"/> from <paramref name="keyframe"/> and its QA report, rendered
    /// or read from the store; a stored clip never reads its keyframe.
    /// </summary>
    public async Task<ClipArtefact> RunAsync(ShotContext context, ShotTake take, Lazy<KeyframeImage> keyframe, string keyframeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(keyframe);
        var plan = Plan(context, animator.Identity, faces?.Identity, take, keyframeKey);
        if (Read(plan) is { } stored)
        {
            context.Report(take, RenderStage.Cached);
            return stored;
        }

        var report = await RenderAsync(context, take, keyframe.Value, plan, cancellationToken).ConfigureAwait(false);
        return new ClipArtefact(plan.ClipPath, plan.ClipKey, report);
    }

    /// <summary>The clip the animator of <paramref name="backends"/> made of <paramref name="take"/> from keyframe <paramref name="keyframeKey"/>, with its QA report, when both are complete in the store; null otherwise. Looks only.</summary>
    public static ClipArtefact? Find(ShotContext context, BackendIdentities backends, ShotTake take, string keyframeKey)
    {
        ArgumentNullException.ThrowIfNull(backends);
        return Read(Plan(context, backends.Animator, backends.Faces, take, keyframeKey));
    }

    private static ClipPlan Plan(ShotContext context, BackendIdentity animator, BackendIdentity? faces, ShotTake take, string keyframeKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(take);
        var size = context.FrameSizeOf(take);
        var path = PathOf(take, size);
        var request = new AnimationRequest(path, take.Shot.Fps, GrainOf(context.Film, take.Shot), take.Seed);
        var clipKey = ArtefactKey.For("clip")
            .Add("backend", animator)
            .Add("keyframe", keyframeKey)
            .Add("camera", take.Shot.Camera)
            .Add("motion", take.Shot.Motion)
            .Add("frames", path.Frames)
            .Add("fps", take.Shot.Fps)
            .Add("grain", request.Grain)
            .Add("seed", take.Seed)
            .Add("size", size.ToString())
            .Add("encoding", context.Encoding)
            .Add("ffmpeg", context.Ffmpeg.Version)
            .Hash();
        var qaContext = new QaContext(take.Shot.Fps, path.MeanDisplacement(), context.CtaWindowStart(take), PaletteIntent.Of(context.Film), FaceOf(context.Film, take, size), ProductOf(context.Film, take, size));
        var qa = ArtefactKey.For("qa").Add("clip", clipKey).Add("context", qaContext).Add("analyzer", AnalyzerVersion);
        var qaKey = (faces is null ? qa : qa.Add("faces", faces)).Hash();
        return new ClipPlan(request, qaContext, clipKey, qaKey, context.Store.PathOf(clipKey, ".mp4"), context.Store.PathOf(qaKey, ".qa.json"));
    }

    // The lead's sheet face, lit as the scene is; the scene is resolved as the keyframe's is.
    private static Keyframe.Previz.FaceReference? FaceOf(Film film, ShotTake take, FrameSize size) =>
        Keyframe.Previz.FaceReference.Of(ScenePlan.Resolve(film, take, size.Width, size.Height));

    // The product sheet an object detail shows or names, lit as the scene is.
    private static Keyframe.Previz.ProductReference? ProductOf(Film film, ShotTake take, FrameSize size) =>
        Keyframe.Previz.ProductReference.Of(film, take.Shot, ScenePlan.Resolve(film, take, size.Width, size.Height));

    // The QA report is stored before the clip is renamed into place, so a present clip with its report is complete.
    private static ClipArtefact? Read(ClipPlan plan) =>
        File.Exists(plan.ClipPath) && File.Exists(plan.QaPath)
            ? new ClipArtefact(plan.ClipPath, plan.ClipKey, JsonSerializer.Deserialize<QaReport>(File.ReadAllText(plan.QaPath), FilmJson.Options)!)
            : null;

    private async Task<QaReport> RenderAsync(ShotContext context, ShotTake take, KeyframeImage keyframe, ClipPlan plan, CancellationToken cancellationToken)
    {
        QaReport? report = null;
        var path = plan.Request.Path;
        var analyzer = new ClipAnalyzer(path.Width, path.Height, plan.QaContext, keyframe.SubjectKnown);

        // Where the keyframe does not record the face it shows, the render's recognizer finds it (QA10).
        var recognize = faces is not null && keyframe.Face is null && take.Shot.Characters.Count > 0;
        var yuv = new YuvFrame(path.Width, path.Height);
        var reportEvery = Math.Max(1, take.Shot.Fps / 2);
        await context.Store.PutAsync(plan.ClipKey, ".mp4", async temp =>
        {
            await using var encoder = FrameEncoder.Start(context.Ffmpeg, context.Encoding, path.Width, path.Height, take.Shot.Fps, temp);
            animator.Animate(keyframe, plan.Request, frame =>
            {
                yuv.Load(frame.Image);
                analyzer.Add(yuv, frame.Subject, frame.Face);
                if (recognize && frame.Index % ClipAnalyzer.SpatialStride == 0 && faces!.Embed(frame.Image) is { } face)
                {
                    analyzer.AddRecognized(face);
                }
                encoder.Write(yuv);
                if (frame.Index % reportEvery == 0 || frame.Index == path.Frames - 1)
                {
                    context.Report(take, RenderStage.Animate, frame.Index + 1, path.Frames);
                }
            }, cancellationToken);
            await encoder.CompleteAsync(cancellationToken).ConfigureAwait(false);
            report = analyzer.Finish();
            context.Store.PutText(plan.QaKey, ".qa.json", JsonSerializer.Serialize(report, FilmJson.Options) + "\n");
            context.Store.RecordMaker(plan.ClipKey, context.Worker);
        }).ConfigureAwait(false);
        context.Work.Clip(path.Frames);
        return report!;
    }

    private sealed record ClipPlan(AnimationRequest Request, QaContext QaContext, string ClipKey, string QaKey, string ClipPath, string QaPath);
}

/// <summary>A stored clip and its QA report.</summary>
/// <param name="Path">The clip in the store.</param>
/// <param name="Key">Its cache key.</param>
/// <param name="Qa">Its QA scores.</param>
public sealed record ClipArtefact(string Path, string Key, QaReport Qa);
