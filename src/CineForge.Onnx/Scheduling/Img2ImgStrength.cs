namespace CineForge.Onnx.Scheduling;

/// <summary>
/// img2img strength as diffusers' img2img pipelines read it: of a schedule of <c>steps</c> steps,
/// the last <c>(int)(steps * strength)</c> run, starting at index <c>steps - run</c>, and the source
/// latent is noised to that step's sigma. Strength 1 is text-to-image from the source's noise level;
/// a strength too small to run one step leaves the image unchanged.
/// </summary>
public readonly record struct Img2ImgStrength
{
    /// <summary>Plans <paramref name="steps"/> at <paramref name="strength"/> (0..1).</summary>
    public Img2ImgStrength(int steps, double strength)
    {
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), $"Sampling needs at least one step; got {steps}.");
        }

        if (!(strength >= 0 && strength <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), $"img2img strength is 0..1; got {strength}.");
        }

        Steps = steps;
        Strength = strength;
        StepsRun = Math.Min((int)(steps * strength), steps);
        BeginIndex = Math.Max(steps - StepsRun, 0);
    }

    /// <summary>Steps of the full schedule.</summary>
    public int Steps { get; }

    /// <summary>The strength (denoise) asked for.</summary>
    public double Strength { get; }

    /// <summary>Steps that actually run.</summary>
    public int StepsRun { get; }

    /// <summary>Index of the first step that runs (where the noise is added).</summary>
    public int BeginIndex { get; }
}
