using CineForge.Runtime.Imaging;

namespace CineForge.Onnx.Pipeline;

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
public sealed record GeneratedImage(RgbImage Image, int StepsRun, IReadOnlyList<string> Notices);
