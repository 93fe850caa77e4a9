namespace CineForge.Runtime.Scene;

/// <summary>
/// One version of a shot to render: A is the shot as written, B the shot with its variant's
/// changes applied. <see cref="Shot"/> already carries the changed values.
/// </summary>
/// <param name="Index">1-based position of the shot in the film.</param>
/// <param name="Label">"A" or the variant's label.</param>
/// <param name="Shot">The shot with the variant's changes applied.</param>
/// <param name="Seed">The take's seed.</param>
public sealed record ShotTake(int Index, string Label, Shot Shot, int Seed)
{
    /// <summary>Label of the shot as written.</summary>
    public const string OriginalLabel = "A";

    /// <summary>The takes of <paramref name="shot"/>: A, then its variants, at most <paramref name="maxVersions"/> in all.</summary>
    public static IReadOnlyList<ShotTake> Of(Shot shot, int index, int maxVersions)
    {
        var seed = shot.Seed ?? throw new InvalidOperationException($"Shot #{index} '{shot.Name}' has no seed (CF0101).");
        var takes = new List<ShotTake> { new(index, OriginalLabel, shot with { Variants = ValueList<Variant>.Empty }, seed) };
        foreach (var variant in shot.Variants.Take(maxVersions - 1))
        {
            var c = variant.Changes;
            var changed = shot with
            {
                Seed = c.Seed ?? shot.Seed,
                Motion = c.Motion ?? shot.Motion,
                Duration = c.Duration ?? shot.Duration,
                Camera = c.Camera ?? shot.Camera,
                Light = c.Light ?? shot.Light,
                Keyframe = shot.Keyframe with
                {
                    Cfg = c.Cfg ?? shot.Keyframe.Cfg,
                    Steps = c.Steps ?? shot.Keyframe.Steps,
                    Denoise = c.Denoise ?? shot.Keyframe.Denoise,
                },
                Variants = ValueList<Variant>.Empty,
            };
            takes.Add(new ShotTake(index, variant.Label, changed, changed.Seed!.Value));
        }

        return takes;
    }

    /// <summary>"A-seed42".</summary>
    public string FileStem => $"{Label}-seed{Seed}";
}
