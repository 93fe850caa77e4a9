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

    /// <summary>The keyframe of <paramref name="request"/> and its cache key, drawn or read from the store.</summary>
    public (KeyframeImage Keyframe, string Key) Run(ShotContext context, ShotTake take, KeyframeRequest request, CancellationToken cancellationToken)
    {
        var key = ArtefactKey.For("keyframe")
            .Add("backend", generator.Identity)
            .Add("scene", request.Scene)
            .Add("prompt", request.Prompt)
            .Add("settings", request.Settings)
            .Add("detailSeed", request.DetailSeed)
            .Hash();
        if (TryLoad(context.Store, key) is { } cached)
        {
            return (cached, key);
        }

        context.Report(take, RenderStage.Keyframe);
        var keyframe = generator.Generate(request, cancellationToken);
        Save(context.Store, key, keyframe);
        context.Work.Keyframe();
        return (keyframe, key);
    }

    /// <summary>Reads keyframe <paramref name="key"/> from the store, or null.</summary>
    internal static KeyframeImage? TryLoad(ArtefactStore store, string key)
    {
        if (!store.Contains(key, ".png") || !store.Contains(key, ".keyframe.json"))
        {
            return null;
        }

        var meta = JsonSerializer.Deserialize<KeyframeMeta>(File.ReadAllText(store.PathOf(key, ".keyframe.json")), FilmJson.Options)!;
        using var png = File.OpenRead(store.PathOf(key, ".png"));
        return new KeyframeImage(PngCodec.Read(png), meta.FrameWidth, meta.FrameHeight, meta.Subject);
    }

    /// <summary>Stores <paramref name="keyframe"/> under <paramref name="key"/>: the metadata first, the picture last, so a present PNG means a complete artefact.</summary>
    internal static void Save(ArtefactStore store, string key, KeyframeImage keyframe)
    {
        store.PutText(key, ".keyframe.json", JsonSerializer.Serialize(new KeyframeMeta(keyframe.FrameWidth, keyframe.FrameHeight, keyframe.Subject), FilmJson.Options) + "\n");
        AtomicFile.Write(store.PathOf(key, ".png"), temp =>
        {
            using var file = File.Create(temp);
            PngCodec.Write(keyframe.Image, file);
        });
    }

    private sealed record KeyframeMeta(int FrameWidth, int FrameHeight, PixelBox Subject);
}
