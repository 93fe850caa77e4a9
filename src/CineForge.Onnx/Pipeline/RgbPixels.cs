namespace CineForge.Onnx.Pipeline;

/// <summary>An 8-bit RGB picture: interleaved R, G, B, rows top to bottom.</summary>
public sealed record RgbPixels
{
    /// <summary>Wraps <paramref name="data"/> (width * height * 3 bytes).</summary>
    public RgbPixels(int width, int height, byte[] data)
    {
        if (width <= 0 || height <= 0 || data.Length != width * height * 3)
        {
            throw new ArgumentException($"Expected {width}x{height} RGB ({(long)width * height * 3} bytes); got {data.Length} bytes.", nameof(data));
        }

        Width = width;
        Height = height;
        Data = data;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes.</summary>
    public byte[] Data { get; }
}

/// <summary>What to draw.</summary>
/// <param name="Prompt">The positive prompt.</param>
/// <param name="NegativePrompt">What to steer away from (the unconditional side of guidance); empty for none.</param>
/// <param name="Width">Pixels, a multiple of 8 (64 for real UNets).</param>
/// <param name="Height">Pixels, a multiple of 8.</param>
/// <param name="Steps">Denoising steps of the full schedule.</param>
/// <param name="GuidanceScale">Classifier-free guidance g in e_u + g (e_c - e_u); 1 or less runs the prompt alone.</param>
/// <param name="Seed">Seeds the latent noise (see GaussianNoise).</param>
public sealed record ImageRequest(string Prompt, string NegativePrompt, int Width, int Height, int Steps, double GuidanceScale, long Seed);

/// <summary>A generated picture and what is worth knowing about it.</summary>
/// <param name="Image">The picture.</param>
/// <param name="StepsRun">UNet steps that ran (fewer than the schedule's in img2img).</param>
/// <param name="Notices">Prompts cut at CLIP's limit and similar.</param>
public sealed record GeneratedImage(RgbPixels Image, int StepsRun, IReadOnlyList<string> Notices);
