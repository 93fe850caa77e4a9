namespace CineForge.Onnx.Scheduling;

/// <summary>
/// Stable Video Diffusion's sampler, step for step as diffusers' EulerDiscreteScheduler with the
/// SVD config: Karras sigmas (rho 7) between the config's sigma_max and sigma_min (float32), a
/// final sigma of zero, continuous timesteps 0.25 ln(sigma) (float32, what the UNet's float
/// timestep input receives), v-prediction, no churn. The initial noise is scaled by
/// init_noise_sigma (sqrt(sigma_max^2 + 1) for "leading" spacing) and the UNet input by
/// 1 / sqrt(sigma^2 + 1) (scale_model_input).
/// </summary>
public sealed class EulerKarras
{
    private readonly PredictionType prediction;
    private int stepIndex;

    /// <summary>A run of <paramref name="steps"/> steps.</summary>
    public EulerKarras(int steps, double sigmaMin = 0.002, double sigmaMax = 700.0, PredictionType prediction = PredictionType.VPrediction, string timestepSpacing = "leading")
    {
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), $"Sampling needs at least one step; got {steps}.");
        }

        if (!(sigmaMin > 0 && sigmaMax > sigmaMin))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaMin), $"Need 0 < sigma_min < sigma_max; got {sigmaMin} and {sigmaMax}.");
        }

        this.prediction = prediction;
        var sigmas = new double[steps + 1];
        var timesteps = new float[steps];
        var maxInvRho = Math.Pow(sigmaMax, 1 / KarrasSchedule.Rho);
        var minInvRho = Math.Pow(sigmaMin, 1 / KarrasSchedule.Rho);
        for (var i = 0; i < steps; i++)
        {
            var ramp = steps == 1 ? 0.0 : (double)i / (steps - 1);
            var sigma = (float)Math.Pow(maxInvRho + (ramp * (minInvRho - maxInvRho)), KarrasSchedule.Rho);
            sigmas[i] = sigma;
            timesteps[i] = (float)(0.25 * Math.Log(sigma));
        }

        Sigmas = sigmas;
        Timesteps = timesteps;
        var max = sigmas.Max();
        InitNoiseSigma = timestepSpacing is "linspace" or "trailing" ? max : (float)Math.Sqrt((max * max) + 1);
    }

    /// <summary>steps + 1 sigmas (float32-rounded), descending, the last zero.</summary>
    public IReadOnlyList<double> Sigmas { get; }

    /// <summary>The UNet's float timestep of each step: 0.25 ln(sigma).</summary>
    public IReadOnlyList<float> Timesteps { get; }

    /// <summary>What the initial unit noise is multiplied by.</summary>
    public double InitNoiseSigma { get; }

    /// <summary>Number of steps.</summary>
    public int Steps => Timesteps.Count;

    /// <summary>Index of the next step.</summary>
    public int StepIndex => stepIndex;

    /// <summary>Whether every step has run.</summary>
    public bool Done => stepIndex >= Steps;

    /// <summary>The UNet timestep of the next step.</summary>
    public float Timestep => Timesteps[stepIndex];

    /// <summary>scale_model_input's factor at the next step: 1 / sqrt(sigma^2 + 1).</summary>
    public double InputScale => 1 / Math.Sqrt((Sigmas[stepIndex] * Sigmas[stepIndex]) + 1);

    /// <summary>
    /// One Euler step: x0 from the model output (v: out * -sigma/sqrt(sigma^2+1) + x/(sigma^2+1);
    /// epsilon: x - sigma * out), d = (x - x0) / sigma, x + d (sigma_next - sigma).
    /// </summary>
    public float[] Step(ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> sample)
    {
        if (Done)
        {
            throw new InvalidOperationException($"All {Steps} steps have run.");
        }

        if (modelOutput.Length != sample.Length)
        {
            throw new ArgumentException($"Model output and sample differ in size ({modelOutput.Length} vs {sample.Length}).", nameof(modelOutput));
        }

        var sigma = Sigmas[stepIndex];
        var dt = Sigmas[stepIndex + 1] - sigma;
        var cOut = -sigma / Math.Sqrt((sigma * sigma) + 1);
        var cSkip = 1 / ((sigma * sigma) + 1);
        var next = new float[sample.Length];
        for (var i = 0; i < next.Length; i++)
        {
            var x0 = prediction == PredictionType.VPrediction
                ? (float)((modelOutput[i] * cOut) + (sample[i] * cSkip))
                : (float)(sample[i] - (sigma * modelOutput[i]));
            next[i] = (float)(sample[i] + ((sample[i] - x0) / sigma * dt));
        }

        stepIndex++;
        return next;
    }
}
