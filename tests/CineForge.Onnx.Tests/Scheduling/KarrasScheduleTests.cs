using CineForge.Onnx.Scheduling;

namespace CineForge.Onnx.Tests.Scheduling;

/// <summary>
/// Sigmas and timesteps against dpm_reference.py (beside this file), which derives them from the
/// published formulas: Stable Diffusion's scaled-linear betas, Karras rho = 7, log-sigma interpolation.
/// </summary>
public sealed class KarrasScheduleTests
{
    private static readonly TrainingSchedule Training = TrainingSchedule.From(SchedulerConfig.StableDiffusion);

    private static readonly double[] Sigmas30 =
    [
        14.614646911621094, 12.660608291625977, 10.934927940368652, 9.414917945861816, 8.079732894897461,
        6.910251617431641, 5.888969421386719, 4.999894142150879, 4.228443622589111, 3.5613534450531006,
        2.9865832328796387, 2.4932305812835693, 2.07144832611084, 1.7123662233352661, 1.4080164432525635,
        1.1512624025344849, 0.9357323050498962, 0.7557560205459595, 0.6063051819801331, 0.48293736577033997,
        0.38174310326576233, 0.2992965281009674, 0.23260898888111115, 0.1790858507156372, 0.13648612797260284,
        0.10288503766059875, 0.07663928717374802, 0.05635500326752663, 0.04085816442966461, 0.029167532920837402,
        0.0,
    ];

    private static readonly long[] Timesteps30 =
    [
        999, 975, 949, 923, 894, 863, 830, 795, 757, 716, 672, 624, 572, 517, 458,
        397, 334, 273, 214, 162, 117, 80, 53, 33, 20, 11, 6, 3, 1, 0,
    ];

    [Fact]
    public void ThirtySteps_SigmasMatchReferenceWithin1e6Relative()
    {
        var schedule = KarrasSchedule.Create(Training, 30);

        AssertRelative(Sigmas30, schedule.Sigmas, 1e-6);
    }

    [Fact]
    public void ThirtySteps_TimestepsMatchReference()
    {
        Assert.Equal(Timesteps30, KarrasSchedule.Create(Training, 30).Timesteps);
    }

    [Fact]
    public void FourSteps_SigmasAndTimestepsMatchReference()
    {
        var schedule = KarrasSchedule.Create(Training, 4);

        AssertRelative([14.614646911621094, 3.1686110496520996, 0.44692090153694153, 0.029167532920837402, 0.0], schedule.Sigmas, 1e-6);
        Assert.Equal([999L, 687, 146, 0], schedule.Timesteps);
    }

    [Fact]
    public void TrainingEnds_AreStableDiffusionsSigmaMaxAndMin()
    {
        // The well-known SD 1.x range: sigma_max 14.6146, sigma_min 0.0292.
        Assert.Equal(14.6146, Training.Sigmas[^1], 4);
        Assert.Equal(0.0292, Training.Sigmas[0], 4);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(30)]
    public void InteriorSigmas_AreEvenlySpacedInSigmaToTheOneSeventh(int steps)
    {
        var sigmas = KarrasSchedule.Create(Training, steps).Sigmas;
        var first = Math.Pow(sigmas[0], 1 / KarrasSchedule.Rho);
        var last = Math.Pow(sigmas[steps - 1], 1 / KarrasSchedule.Rho);

        for (var i = 0; i < steps; i++)
        {
            var expected = Math.Pow(first + ((last - first) * i / (steps - 1)), KarrasSchedule.Rho);
            Assert.Equal(1.0, sigmas[i] / expected, 6);
        }

        Assert.Equal(0.0, sigmas[steps]);
    }

    [Fact]
    public void SigmaToTimestep_TrainingSigmaMapsToItsOwnIndex()
    {
        foreach (var t in new[] { 0, 1, 250, 500, 998, 999 })
        {
            Assert.Equal(t, Training.SigmaToTimestep(Training.Sigmas[t]), 3);
        }
    }

    [Fact]
    public void OneStep_RunsFromSigmaMaxToZero()
    {
        var schedule = KarrasSchedule.Create(Training, 1);

        Assert.Equal([999L], schedule.Timesteps);
        Assert.Equal(0.0, schedule.Sigmas[1]);
    }

    [Fact]
    public void ZeroSteps_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KarrasSchedule.Create(Training, 0));
    }

    private static void AssertRelative(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var scale = Math.Max(Math.Abs(expected[i]), 1e-30);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"sigma[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
