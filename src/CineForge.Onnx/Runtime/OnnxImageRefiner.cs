using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Correct;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Onnx.Runtime;

/// <summary>
/// The runtime's img2img seam on Stable Diffusion: the keyframe canvas is padded (edges repeated)
/// to the 64-pixel grid, re-rendered at the denoise strength with the pass's seed, and cropped back;
/// the subject box is kept, since img2img at 0.25–0.40 keeps the layout.
/// </summary>
public sealed class OnnxImageRefiner(StableDiffusionPipeline pipeline) : IImageRefiner
{
    /// <inheritdoc />
    public BackendIdentity Identity { get; } = OnnxIdentity.Of("onnx-sd-img2img", pipeline);

    /// <inheritdoc />
    public KeyframeImage Refine(KeyframeImage source, KeyframeRequest request, double denoise, long passSeed, CancellationToken cancellationToken)
    {
        var (width, height) = OnnxKeyframeGenerator.DrawingSize(source.Image.Width, source.Image.Height);
        var padded = OnnxKeyframeGenerator.Pad(source.Image, width, height);
        var image = OnnxKeyframeGenerator.ImageRequestFor(request with { DetailSeed = passSeed }, width, height);
        var refined = pipeline.ImageToImage(image, padded, denoise, cancellationToken).Image;
        return source with { Image = OnnxKeyframeGenerator.Crop(refined, source.Image.Width, source.Image.Height) };
    }
}
