namespace CineForge.Onnx.Scheduling;

/// <summary>
/// DPM-Solver++(2M) (Lu et al. 2022, algorithm 2) on a Karras schedule: the "DPM++ 2M Karras"
/// sampler, step for step as diffusers' DPMSolverMultistepScheduler with algorithm "dpmsolver++",
/// order 2, Karras sigmas and a final sigma of zero. The first step of a run (there is no previous
/// model output yet) and the last (it lands on sigma zero) are first order. Samples live in the
/// variance-preserving space (x = alpha * x0 + sigma_vp * noise), so the initial noise has unit
/// variance and the UNet input is the sample itself. One instance runs one image; it is not shared.
/// </summary>
public sealed class DpmSolverMultistep
{
    private readonly KarrasSchedule schedule;
    private readonly PredictionType prediction;
    private float[]? previousDenoised;
    private int stepIndex;

    /// <summary>Starts a run on <paramref name="schedule"/> at step <paramref name="beginIndex"/> (img2img starts later).</summary>
    public DpmSolverMultistep(KarrasSchedule schedule, PredictionType prediction, int beginIndex = 0)
    {
        if (beginIndex < 0 || beginIndex >= schedule.Steps)
        {
            throw new ArgumentOutOfRangeException(nameof(beginIndex), $"The run must start inside the schedule's {schedule.Steps} steps; got {beginIndex}.");
        }

        this.schedule = schedule;
        this.prediction = prediction;
        stepIndex = beginIndex;
    }

    /// <summary>Index of the next step.</summary>
    public int StepIndex => stepIndex;

    /// <summary>Whether every step has run.</summary>
    public bool Done => stepIndex >= schedule.Steps;

    /// <summary>The UNet timestep of the next step.</summary>
    public long Timestep => schedule.Timesteps[stepIndex];

    /// <summary>(alpha, sigma_vp) of a Karras sigma: alpha = 1/sqrt(sigma^2+1), sigma_vp = sigma * alpha.</summary>
    public static (double Alpha, double Sigma) AlphaSigma(double sigma)
    {
        var alpha = 1 / Math.Sqrt((sigma * sigma) + 1);
        return (alpha, sigma * alpha);
    }

    /// <summary>
    /// Noises a clean latent to the level of step <paramref name="index"/>: alpha * x0 + sigma_vp * noise
    /// (img2img, where the run then begins at that step).
    /// </summary>
    public static float[] AddNoise(KarrasSchedule schedule, int index, ReadOnlySpan<float> clean, ReadOnlySpan<float> noise)
    {
        if (clean.Length != noise.Length)
        {
            throw new ArgumentException($"Latent and noise differ in size ({clean.Length} vs {noise.Length}).", nameof(noise));
        }

        var (alpha, sigma) = AlphaSigma(schedule.Sigmas[index]);
        var noisy = new float[clean.Length];
        for (var i = 0; i < noisy.Length; i++)
        {
            noisy[i] = (float)((alpha * clean[i]) + (sigma * noise[i]));
        }

        return noisy;
    }

    /// <summary>Advances <paramref name="sample"/> by one step given the UNet's <paramref name="modelOutput"/> at it; returns the new sample.</summary>
    public float[] Step(ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> sample)
    {
        if (Done)
        {
            throw new InvalidOperationException($"All {schedule.Steps} steps have run.");
        }

        if (modelOutput.Length != sample.Length)
        {
            throw new ArgumentException($"Model output and sample differ in size ({modelOutput.Length} vs {sample.Length}).", nameof(modelOutput));
        }

        var (alphaS, sigmaS) = AlphaSigma(schedule.Sigmas[stepIndex]);
        var denoised = Denoise(modelOutput, sample, alphaS, sigmaS);
        var sigmaNext = schedule.Sigmas[stepIndex + 1];
        var last = stepIndex == schedule.Steps - 1;
        var next = new float[sample.Length];

        if (sigmaNext == 0)
        {
            // lambda_t = +inf: exp(-h) = 0 and sigma_t / sigma_s = 0, so the step lands on x0.
            denoised.CopyTo(next, 0);
        }
        else
        {
            var (alphaT, sigmaT) = AlphaSigma(sigmaNext);
            var h = Lambda(alphaT, sigmaT) - Lambda(alphaS, sigmaS);
            var ratio = sigmaT / sigmaS;
            var gain = alphaT * (Math.Exp(-h) - 1.0);
            if (previousDenoised is null || last)
            {
                for (var i = 0; i < next.Length; i++)
                {
                    next[i] = (float)((ratio * sample[i]) - (gain * denoised[i]));
                }
            }
            else
            {
                var (alphaP, sigmaP) = AlphaSigma(schedule.Sigmas[stepIndex - 1]);
                var r0 = (Lambda(alphaS, sigmaS) - Lambda(alphaP, sigmaP)) / h;
                for (var i = 0; i < next.Length; i++)
                {
                    var d0 = (double)denoised[i];
                    var d1 = (1.0 / r0) * (d0 - previousDenoised[i]);
                    next[i] = (float)((ratio * sample[i]) - (gain * d0) - (0.5 * gain * d1));
                }
            }
        }

        previousDenoised = denoised;
        stepIndex++;
        return next;
    }

    private static double Lambda(double alpha, double sigma) => Math.Log(alpha) - Math.Log(sigma);

    private float[] Denoise(ReadOnlySpan<float> modelOutput, ReadOnlySpan<float> sample, double alpha, double sigma)
    {
        var x0 = new float[sample.Length];
        for (var i = 0; i < x0.Length; i++)
        {
            x0[i] = prediction == PredictionType.Epsilon
                ? (float)((sample[i] - (sigma * modelOutput[i])) / alpha)
                : (float)((alpha * sample[i]) - (sigma * modelOutput[i]));
        }

        return x0;
    }
}
