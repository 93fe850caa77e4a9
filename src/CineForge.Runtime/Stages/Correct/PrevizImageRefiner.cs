using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Correct;

/// <summary>
/// The previz img2img: re-renders the same scene with the pass's seed for fine detail and blends
/// it over the source at the denoise strength. Layout, light and cast stay; detail moves by exactly
/// the requested amount.
/// </summary>
public sealed class PrevizImageRefiner(IKeyframeGenerator generator) : IImageRefiner
{
    /// <inheritdoc />
    public BackendIdentity Identity { get; } = new("previz-img2img", "1", Array.Empty<string>());

    /// <inheritdoc />
    public KeyframeImage Refine(KeyframeImage source, KeyframeRequest request, double denoise, long passSeed, CancellationToken cancellationToken)
    {
        var rerender = generator.Generate(request with { DetailSeed = passSeed }, cancellationToken);
        if (rerender.Image.Width != source.Image.Width || rerender.Image.Height != source.Image.Height)
        {
            throw new InvalidOperationException($"img2img re-render is {rerender.Image.Width}x{rerender.Image.Height}, source is {source.Image.Width}x{source.Image.Height}.");
        }

        // Fixed-point weights (1/256): the blend is exact integer arithmetic.
        var weight = (int)Math.Round(Math.Clamp(denoise, 0, 1) * 256);
        var a = source.Image.Pixels;
        var b = rerender.Image.Pixels;
        var result = new byte[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = (byte)(((a[i] * (256 - weight)) + (b[i] * weight) + 128) >> 8);
        }

        return source with { Image = new RgbImage(source.Image.Width, source.Image.Height, result) };
    }
}
