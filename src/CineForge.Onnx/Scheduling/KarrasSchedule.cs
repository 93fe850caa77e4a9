namespace CineForge.Onnx.Scheduling;

/// <summary>
/// The noise levels and UNet timesteps of one sampling run: Karras et al. (2022) sigmas with
/// rho = 7 between the largest and smallest training sigma, each timestep the rounded
/// (half to even) interpolation of its sigma on the training table, and a final sigma of zero.
/// </summary>
public sealed class KarrasSchedule
{
    /// <summary>Karras et al.'s rho: how strongly the steps crowd towards low noise.</summary>
    public const double Rho = 7.0;

    private KarrasSchedule(double[] sigmas, long[] timesteps)
    {
        Sigmas = sigmas;
        Timesteps = timesteps;
    }

    /// <summary>steps + 1 sigmas, descending, the last one zero (float32-rounded, as used in the update).</summary>
    public IReadOnlyList<double> Sigmas { get; }

    /// <summary>The UNet timestep of each step, descending.</summary>
    public IReadOnlyList<long> Timesteps { get; }

    /// <summary>Number of denoising steps.</summary>
    public int Steps => Timesteps.Count;

    /// <summary>The schedule of <paramref name="steps"/> steps on <paramref name="training"/>.</summary>
    public static KarrasSchedule Create(TrainingSchedule training, int steps)
    {
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), $"Sampling needs at least one step; got {steps}.");
        }

        var minInvRho = Math.Pow(training.Sigmas[0], 1 / Rho);
        var maxInvRho = Math.Pow(training.Sigmas[^1], 1 / Rho);
        var sigmas = new double[steps + 1];
        var timesteps = new long[steps];
        for (var i = 0; i < steps; i++)
        {
            var ramp = steps == 1 ? 0.0 : (double)i / (steps - 1);
            var sigma = Math.Pow(maxInvRho + (ramp * (minInvRho - maxInvRho)), Rho);
            timesteps[i] = (long)Math.Round(training.SigmaToTimestep(sigma), MidpointRounding.ToEven);
            sigmas[i] = (float)sigma;
        }

        sigmas[steps] = 0;
        return new KarrasSchedule(sigmas, timesteps);
    }
}
