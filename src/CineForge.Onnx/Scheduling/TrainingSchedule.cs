namespace CineForge.Onnx.Scheduling;

/// <summary>
/// The training noise levels: sigma_t = sqrt((1 - alphabar_t) / alphabar_t) for t = 0..T-1.
/// Values are rounded to float32 where the reference implementation stores them in float32
/// (betas, alphabar, sigma, log sigma); alphabar is accumulated in double, as its CPU cumprod does.
/// The rounding matters: at t = 0, 1 - alphabar loses four digits to cancellation, so a double-only
/// table would move the smallest sigma by 3e-5 relative.
/// </summary>
public sealed class TrainingSchedule
{
    private TrainingSchedule(double[] sigmas, double[] logSigmas)
    {
        Sigmas = sigmas;
        LogSigmas = logSigmas;
    }

    /// <summary>sigma_t for t = 0..T-1, ascending.</summary>
    public IReadOnlyList<double> Sigmas { get; }

    /// <summary>ln sigma_t (float32-rounded), ascending.</summary>
    public IReadOnlyList<double> LogSigmas { get; }

    /// <summary>Builds the table of <paramref name="config"/>.</summary>
    public static TrainingSchedule From(SchedulerConfig config)
    {
        var n = config.TrainTimesteps;
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"A training schedule needs at least 2 timesteps; got {n}.");
        }

        var roots = config.BetaSchedule == "scaled_linear";
        var betas = Linspace32(roots ? Math.Sqrt(config.BetaStart) : config.BetaStart, roots ? Math.Sqrt(config.BetaEnd) : config.BetaEnd, n);
        var sigmas = new double[n];
        var logSigmas = new double[n];
        var product = 1.0;
        for (var i = 0; i < n; i++)
        {
            var beta = roots ? betas[i] * betas[i] : betas[i];
            var alpha = 1f - beta;
            product *= alpha;
            var alphaBar = (float)product;
            var sigma = MathF.Sqrt((1f - alphaBar) / alphaBar);
            sigmas[i] = sigma;
            logSigmas[i] = MathF.Log(sigma);
        }

        return new TrainingSchedule(sigmas, logSigmas);
    }

    /// <summary>
    /// The continuous timestep of <paramref name="sigma"/>: linear interpolation of ln sigma between
    /// the two training steps around it, clamped to [0, T-1].
    /// </summary>
    public double SigmaToTimestep(double sigma)
    {
        var logSigma = Math.Log(Math.Max(sigma, 1e-10));
        var low = 0;
        for (var i = 0; i < LogSigmas.Count; i++)
        {
            if (logSigma - LogSigmas[i] >= 0)
            {
                low = i;
            }
        }

        low = Math.Min(low, LogSigmas.Count - 2);
        var lo = LogSigmas[low];
        var hi = LogSigmas[low + 1];
        var w = Math.Clamp((lo - logSigma) / (float)(lo - hi), 0.0, 1.0);
        return ((1 - w) * low) + (w * (low + 1));
    }

    // float32 linspace, computed from both ends towards the middle as the reference does.
    private static float[] Linspace32(double start, double end, int count)
    {
        var lo = (float)start;
        var hi = (float)end;
        var step = (hi - lo) / (count - 1);
        var half = count / 2;
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = i < half ? lo + (step * i) : hi - (step * (count - i - 1));
        }

        return values;
    }
}
