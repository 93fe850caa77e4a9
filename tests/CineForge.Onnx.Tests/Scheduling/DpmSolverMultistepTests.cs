using CineForge.Onnx.Scheduling;

namespace CineForge.Onnx.Tests.Scheduling;

/// <summary>
/// Full runs with analytic denoisers in place of the UNet. The expected trajectory is computed here
/// with the paper's form of DPM-Solver++(2M) (Lu et al. 2022, algorithm 2:
/// D = (1 + 1/(2r)) x0_i - 1/(2r) x0_{i-1}), independently of the implementation's D0/D1 form.
/// </summary>
public sealed class DpmSolverMultistepTests
{
    private static readonly TrainingSchedule Training = TrainingSchedule.From(SchedulerConfig.StableDiffusion);

    // Data ~ N(0, S^2) per element: the exact denoiser is E[x0 | x] = alpha S^2 / (alpha^2 S^2 + sigma^2) * x,
    // and the probability-flow ODE keeps x / sqrt(alpha^2 S^2 + sigma^2) constant.
    private const double S = 0.5;

    [Theory]
    [InlineData(4)]
    [InlineData(30)]
    public void GaussianData_TrajectoryMatchesPaperFormWithin1e6(int steps)
    {
        var schedule = KarrasSchedule.Create(Training, steps);
        var solver = new DpmSolverMultistep(schedule, PredictionType.Epsilon);
        var x = new GaussianNoise(7).Next(64);
        var expected = x.Select(v => (double)v).ToArray();
        double[]? previousX0 = null;

        for (var i = 0; i < steps; i++)
        {
            var sample = x;
            x = solver.Step(GaussianEpsilon(sample, schedule.Sigmas[i]), sample);
            (expected, previousX0) = PaperStep(schedule, i, expected, previousX0);
            for (var k = 0; k < x.Length; k++)
            {
                Assert.True(Math.Abs(x[k] - expected[k]) <= (1e-6 * Math.Abs(expected[k])) + 1e-7, $"step {i}, element {k}: expected {expected[k]:R}, got {x[k]:R}");
            }
        }

        Assert.True(solver.Done);
    }

    [Fact]
    public void GaussianData_ThirtyStepsLandOnTheExactOdeSolution()
    {
        var schedule = KarrasSchedule.Create(Training, 30);
        var solver = new DpmSolverMultistep(schedule, PredictionType.Epsilon);
        var start = new GaussianNoise(11).Next(256);
        var x = start;
        while (!solver.Done)
        {
            x = solver.Step(GaussianEpsilon(x, schedule.Sigmas[solver.StepIndex]), x);
        }

        var (alpha, sigma) = DpmSolverMultistep.AlphaSigma(schedule.Sigmas[0]);
        var scale = S / Math.Sqrt((alpha * alpha * S * S) + (sigma * sigma));
        // 2M plus the first-order last step from sigma_min: within 1% of the exact flow.
        for (var k = 0; k < x.Length; k++)
        {
            Assert.True(Math.Abs(x[k] - (start[k] * scale)) <= 0.01 * Math.Abs(start[k] * scale) + 1e-6, $"element {k}: exact {start[k] * scale:R}, got {x[k]:R}");
        }
    }

    [Fact]
    public void PointData_EveryStepSitsOnTheExactTrajectory()
    {
        // Data is the single point c: x0 is predicted exactly, so x_i = alpha_i c + sigma_i noise.
        const double c = 0.75;
        var schedule = KarrasSchedule.Create(Training, 30);
        var solver = new DpmSolverMultistep(schedule, PredictionType.Epsilon);
        var noise = new GaussianNoise(3).Next(32);
        var x = DpmSolverMultistep.AddNoise(schedule, 0, Enumerable.Repeat((float)c, 32).ToArray(), noise);

        for (var i = 0; i < 30; i++)
        {
            x = solver.Step(PointEpsilon(x, schedule.Sigmas[i], c), x);
            var (alpha, sigma) = DpmSolverMultistep.AlphaSigma(schedule.Sigmas[i + 1]);
            for (var k = 0; k < x.Length; k++)
            {
                Assert.True(Math.Abs((alpha * c) + (sigma * noise[k]) - x[k]) < 1e-5, $"step {i}, element {k}");
            }
        }

        Assert.All(x, v => Assert.True(Math.Abs(c - v) < 1e-6));
    }

    [Fact]
    public void VPrediction_RecoversTheSameCleanSample()
    {
        const double c = -0.4;
        var schedule = KarrasSchedule.Create(Training, 4);
        var solver = new DpmSolverMultistep(schedule, PredictionType.VPrediction);
        var x = new GaussianNoise(5).Next(16);
        while (!solver.Done)
        {
            var (alpha, sigma) = DpmSolverMultistep.AlphaSigma(schedule.Sigmas[solver.StepIndex]);
            var eps = PointEpsilon(x, schedule.Sigmas[solver.StepIndex], c);
            var v = eps.Select(e => (float)((alpha * e) - (sigma * c))).ToArray();
            x = solver.Step(v, x);
        }

        Assert.All(x, v => Assert.Equal(c, v, 5));
    }

    [Fact]
    public void Img2Img_NoisesAtTheBeginStepAndRunsTheRest()
    {
        const double c = 0.3;
        var plan = new Img2ImgStrength(30, 0.35);
        var schedule = KarrasSchedule.Create(Training, plan.Steps);
        var clean = Enumerable.Repeat((float)c, 16).ToArray();
        var noise = new GaussianNoise(9).Next(16);
        var x = DpmSolverMultistep.AddNoise(schedule, plan.BeginIndex, clean, noise);
        var (alpha0, sigma0) = DpmSolverMultistep.AlphaSigma(schedule.Sigmas[plan.BeginIndex]);
        Assert.True(Math.Abs((alpha0 * c) + (sigma0 * noise[0]) - x[0]) < 1e-6);

        var solver = new DpmSolverMultistep(schedule, PredictionType.Epsilon, plan.BeginIndex);
        var calls = 0;
        while (!solver.Done)
        {
            x = solver.Step(PointEpsilon(x, schedule.Sigmas[solver.StepIndex], c), x);
            calls++;
        }

        Assert.Equal(plan.StepsRun, calls);
        Assert.All(x, v => Assert.Equal(c, v, 6));
    }

    [Fact]
    public void StepAfterTheLast_Throws()
    {
        var schedule = KarrasSchedule.Create(Training, 1);
        var solver = new DpmSolverMultistep(schedule, PredictionType.Epsilon);
        var x = new float[4];
        solver.Step(x, x);

        Assert.Throws<InvalidOperationException>(() => solver.Step(x, x));
    }

    private static float[] GaussianEpsilon(float[] x, double karrasSigma)
    {
        var (alpha, sigma) = DpmSolverMultistep.AlphaSigma(karrasSigma);
        var gain = alpha * S * S / ((alpha * alpha * S * S) + (sigma * sigma));
        return x.Select(v => (float)((v - (alpha * gain * v)) / sigma)).ToArray();
    }

    private static float[] PointEpsilon(float[] x, double karrasSigma, double c)
    {
        var (alpha, sigma) = DpmSolverMultistep.AlphaSigma(karrasSigma);
        return x.Select(v => (float)((v - (alpha * c)) / sigma)).ToArray();
    }

    private static (double[] Next, double[] X0) PaperStep(KarrasSchedule schedule, int i, double[] x, double[]? previousX0)
    {
        var (alphaS, sigmaS) = DpmSolverMultistep.AlphaSigma(schedule.Sigmas[i]);
        var gain = alphaS * S * S / ((alphaS * alphaS * S * S) + (sigmaS * sigmaS));
        var x0 = x.Select(v => gain * v).ToArray();
        if (schedule.Sigmas[i + 1] == 0)
        {
            return (x0, x0);
        }

        var (alphaT, sigmaT) = DpmSolverMultistep.AlphaSigma(schedule.Sigmas[i + 1]);
        var h = Math.Log(alphaT / sigmaT) - Math.Log(alphaS / sigmaS);
        var d = x0;
        if (previousX0 is not null)
        {
            var (alphaP, sigmaP) = DpmSolverMultistep.AlphaSigma(schedule.Sigmas[i - 1]);
            var r = (Math.Log(alphaS / sigmaS) - Math.Log(alphaP / sigmaP)) / h;
            d = x0.Select((v, k) => ((1 + (1 / (2 * r))) * v) - (1 / (2 * r) * previousX0[k])).ToArray();
        }

        var next = x.Select((v, k) => ((sigmaT / sigmaS) * v) - (alphaT * (Math.Exp(-h) - 1) * d[k])).ToArray();
        return (next, x0);
    }
}
