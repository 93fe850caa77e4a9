using CineForge.Onnx.Pipeline;
using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Onnx.Runtime;

/// <summary>
/// The render runtime's text-to-image seam on Stable Diffusion. The picture is drawn at the
/// keyframe canvas (frame plus overscan) rounded up to the UNet's 64-pixel grid and cropped back to
/// the canvas around its centre. Prompt and negative prompt come from the runtime's assembled
/// prompt ("positive | negative: negative"); steps, guidance and the detail seed from the plan.
/// </summary>
public sealed class OnnxKeyframeGenerator : IKeyframeGenerator
{
    /// <summary>Where the runtime's prompt puts the negative prompt.</summary>
    public const string NegativeSeparator = " | negative: ";

    /// <summary>Real UNets downsample latents three times: pictures are drawn on a 64-pixel grid.</summary>
    public const int Grid = 64;

    private readonly StableDiffusionPipeline pipeline;
    private readonly SubjectLocator subjects;
    private readonly Action<string>? notice;

    /// <summary>Draws with <paramref name="pipeline"/>; <paramref name="subjects"/> finds each picture's subject box.</summary>
    public OnnxKeyframeGenerator(StableDiffusionPipeline pipeline, SubjectLocator subjects, Action<string>? notice = null)
    {
        this.pipeline = pipeline;
        this.subjects = subjects;
        this.notice = notice;
        Identity = OnnxIdentity.Of("onnx-sd", pipeline);
    }

    /// <inheritdoc />
    public BackendIdentity Identity { get; }

    /// <summary>Splits the runtime's assembled prompt into positive and negative.</summary>
    public static (string Positive, string Negative) SplitPrompt(string prompt)
    {
        var at = prompt.IndexOf(NegativeSeparator, StringComparison.Ordinal);
        return at < 0 ? (prompt, string.Empty) : (prompt[..at], prompt[(at + NegativeSeparator.Length)..]);
    }

    /// <summary>The image request of <paramref name="request"/> at <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static ImageRequest ImageRequestFor(KeyframeRequest request, int width, int height)
    {
        var (positive, negative) = SplitPrompt(request.Prompt);
        return new ImageRequest(positive, negative, width, height, request.Settings.Steps, request.Settings.Cfg, request.DetailSeed);
    }

    /// <summary>The drawing size for a canvas: each side rounded up to <see cref="Grid"/>.</summary>
    public static (int Width, int Height) DrawingSize(int canvasWidth, int canvasHeight) =>
        (((canvasWidth + Grid - 1) / Grid) * Grid, ((canvasHeight + Grid - 1) / Grid) * Grid);

    /// <inheritdoc />
    public KeyframeImage Generate(KeyframeRequest request, CancellationToken cancellationToken)
    {
        if (request.Settings.Sampler != Sampler.DpmPlusPlus2MKarras)
        {
            notice?.Invoke($"The ONNX backend samples with {Recommended.DefaultSamplerName}; {request.Settings.Sampler} was asked for.");
        }

        var (canvasWidth, canvasHeight) = KeyframeImage.CanvasSize(request.Scene.Width, request.Scene.Height);
        var (width, height) = DrawingSize(canvasWidth, canvasHeight);
        var drawn = pipeline.TextToImage(ImageRequestFor(request, width, height), cancellationToken).Image;
        var canvas = Crop(drawn, canvasWidth, canvasHeight);
        return new KeyframeImage(canvas, request.Scene.Width, request.Scene.Height, subjects.Locate(canvas, request.Scene.Width, request.Scene.Height)) { SubjectKnown = subjects.Measures };
    }

    /// <summary>The centre <paramref name="width"/> x <paramref name="height"/> of <paramref name="picture"/>.</summary>
    internal static RgbImage Crop(RgbImage picture, int width, int height)
    {
        var left = (picture.Width - width) / 2;
        var top = (picture.Height - height) / 2;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            Array.Copy(picture.Pixels, (((top + y) * picture.Width) + left) * 3, pixels, y * width * 3, width * 3);
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary><paramref name="image"/> centred on a <paramref name="width"/> x <paramref name="height"/> picture, its edges repeated outwards.</summary>
    internal static RgbImage Pad(RgbImage image, int width, int height)
    {
        var left = (width - image.Width) / 2;
        var top = (height - image.Height) / 2;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Clamp(y - top, 0, image.Height - 1);
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Clamp(x - left, 0, image.Width - 1);
                Array.Copy(image.Pixels, ((sy * image.Width) + sx) * 3, pixels, ((y * width) + x) * 3, 3);
            }
        }

        return new RgbImage(width, height, pixels);
    }
}
