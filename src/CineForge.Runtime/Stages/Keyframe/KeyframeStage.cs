using System.Text.Json;
using CineForge.Prompting;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Scene;
using CineForge.Serialization;

namespace CineForge.Runtime.Stages.Keyframe;

/// <summary>
/// Stage 1: the keyframe of a take, at the working resolution with its seed. Stored as a PNG plus
/// the subject's box, under the hash of the resolved scene, prompt, settings and backend.
/// </summary>
public sealed class KeyframeStage(IKeyframeGenerator generator)
{
    /// <summary>The request for <paramref name="take"/> in <paramref name="context"/>.</summary>
    public static KeyframeRequest RequestFor(ShotContext context, ShotTake take)
    {
        var size = context.FrameSizeOf(take);
        if (size.Width % 2 != 0 || size.Height % 2 != 0)
        {
            throw new RenderException($"Shot #{take.Index} '{take.Shot.Name}': frame size {size} must be even in both directions for 4:2:0 video.");
        }

        var scene = ScenePlan.Resolve(context.Film, take, size.Width, size.Height);
        var prompt = PromptTemplate.For(context.Film, take.Shot);
        return new KeyframeRequest(scene, prompt.Positive + " | negative: " + prompt.Negative, take.Shot.Keyframe, take.Seed);
    }

    /// <summary>The cache key of the keyframe <paramref name="generator"/> draws for <paramref name="request"/>.</summary>
    public static string KeyOf(BackendIdentity generator, KeyframeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ArtefactKey.For("keyframe")
            .Add("backend", generator)
            .Add("scene", request.Scene)
            .Add("prompt", request.Prompt)
            .Add("settings", request.Settings)
            .Add("detailSeed", request.DetailSeed)
            .Hash();
    }

    /// <summary>
    /// The keyframe of <paramref name="request"/> and its cache key, drawn or found in the store. A
    /// stored keyframe is decoded only when something reads it, so a stage whose output is stored
    /// does no work.
    /// </summary>
    public (Lazy<KeyframeImage> Keyframe, string Key) Run(ShotContext context, ShotTake take, KeyframeRequest request, CancellationToken cancellationToken)
    {
        var key = KeyOf(generator.Identity, request);
        if (IsStored(context.Store, key))
        {
            return (Stored(context.Store, key), key);
        }

        context.Report(take, RenderStage.Keyframe);
        var keyframe = generator.Generate(request, cancellationToken);
        Save(context, key, keyframe);
        context.Work.Keyframe();
        return (new Lazy<KeyframeImage>(keyframe), key);
    }

    /// <summary>True when keyframe <paramref name="key"/> is complete in the store.</summary>
    public static bool IsStored(ArtefactStore store, string key)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Contains(key, ".png") && store.Contains(key, ".keyframe.json");
    }

    /// <summary>Keyframe <paramref name="key"/>, read from the store when first used.</summary>
    internal static Lazy<KeyframeImage> Stored(ArtefactStore store, string key) =>
        new(() => TryLoad(store, key) ?? throw new StageInputMissingException($"Keyframe {key} is not in the store at {store.Root}."));

    /// <summary>Reads keyframe <paramref name="key"/> from the store, or null.</summary>
    internal static KeyframeImage? TryLoad(ArtefactStore store, string key)
    {
        if (!IsStored(store, key))
        {
            return null;
        }

        var meta = JsonSerializer.Deserialize<KeyframeMeta>(File.ReadAllText(store.PathOf(key, ".keyframe.json")), FilmJson.Options)!;
        using var png = File.OpenRead(store.PathOf(key, ".png"));

        // Records written before the spaces were named hold the canvas box as "subject".
        var subject = meta.SubjectOnCanvas ?? meta.Subject ?? throw new StageInputMissingException($"Keyframe {key} has no subject box in its record.");
        return new KeyframeImage(PngCodec.Read(png), meta.FrameWidth, meta.FrameHeight, subject) { SubjectKnown = meta.SubjectKnown ?? true, Face = meta.FaceOnCanvas };
    }

    /// <summary>
    /// Stores <paramref name="keyframe"/> under <paramref name="key"/>: the metadata and who made it
    /// first, the picture last, so a present PNG means a complete artefact with its provenance.
    /// </summary>
    internal static void Save(ShotContext context, string key, KeyframeImage keyframe)
    {
        var store = context.Store;
        store.PutText(key, ".keyframe.json", JsonSerializer.Serialize(KeyframeMeta.Of(keyframe), FilmJson.Options) + "\n");
        store.RecordMaker(key, context.Worker);
        AtomicFile.Write(store.PathOf(key, ".png"), temp =>
        {
            using var file = File.Create(temp);
            PngCodec.Write(keyframe.Image, file);
        });
    }

    /// <summary>
    /// The keyframe's record. Each box names its space: <c>subjectInFrame</c> in pixels of the
    /// <c>frameWidth</c> x <c>frameHeight</c> output frame with the camera at rest (the frame sits at the
    /// canvas centre), <c>subjectOnCanvas</c> in pixels of the <c>canvasWidth</c> x <c>canvasHeight</c>
    /// picture painted with overscan. The clip's per-frame boxes, after the camera move, travel with its
    /// QA report (<see cref="Animate.SubjectTrack"/>). <c>faceInFrame</c>/<c>faceOnCanvas</c>, when the
    /// backend drew a character, hold the lead's head and hair in the same two spaces (QA10).
    /// </summary>
    internal sealed record KeyframeMeta(
        int FrameWidth,
        int FrameHeight,
        int? CanvasWidth,
        int? CanvasHeight,
        PixelBox? SubjectInFrame,
        PixelBox? SubjectOnCanvas,
        bool? SubjectKnown,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] PixelBox? Subject = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] PixelBox? FaceInFrame = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] PixelBox? FaceOnCanvas = null)
    {
        public static KeyframeMeta Of(KeyframeImage keyframe) =>
            new(keyframe.FrameWidth, keyframe.FrameHeight, keyframe.Image.Width, keyframe.Image.Height, keyframe.SubjectInFrame, keyframe.Subject, keyframe.SubjectKnown, FaceInFrame: keyframe.FaceInFrame, FaceOnCanvas: keyframe.Face);
    }
}
