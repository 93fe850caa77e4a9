using CineForge.Onnx.Scheduling;

namespace CineForge.Onnx.Tests.Scheduling;

/// <summary>Pinned values come from an independent implementation of the documented algorithm.</summary>
public sealed class GaussianNoiseTests
{
    [Fact]
    public void SplitMix64Seed0_GivesThePublishedFirstOutputs()
    {
        var noise = new GaussianNoise(0);

        Assert.Equal(0xe220a8397b1dcdafUL, noise.NextBits());
        Assert.Equal(0x6e789e6aa1b965f4UL, noise.NextBits());
    }

    [Theory]
    [InlineData(42L, new[] { 0.4929506480693817f, -0.6940056681632996f, -1.2810773849487305f, -0.901557207107544f, -0.6018779873847961f, 0.6425676345825195f })]
    [InlineData(-7L, new[] { -2.6056160926818848f, -0.7167080640792847f, 0.2847013771533966f, 1.3299514055252075f, 0.01846383512020111f, -0.17992500960826874f })]
    public void Seed_GivesPinnedValues(long seed, float[] expected)
    {
        Assert.Equal(expected, new GaussianNoise(seed).Next(expected.Length));
    }

    [Fact]
    public void SameSeed_SameBytes()
    {
        var a = new GaussianNoise(123456789).Next(4096);
        var b = new GaussianNoise(123456789).Next(4096);

        Assert.Equal(a, b);
        Assert.NotEqual(a, new GaussianNoise(123456790).Next(4096));
    }

    [Fact]
    public void ManyValues_HaveUnitVarianceAndZeroMean()
    {
        var values = new GaussianNoise(2024).Next(200_000);
        var mean = values.Average(v => (double)v);
        var variance = values.Average(v => (v - mean) * (v - mean));

        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(values.Count(v => Math.Abs(v) < 1) / 200_000.0, 0.678, 0.688);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-9)]
    [InlineData(0.1)]
    [InlineData(0.7071)]
    [InlineData(0.9999999)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(123456.789)]
    public void Log_AgreesWithTheMathLibraryToTheLastBits(double x)
    {
        Assert.Equal(Math.Log(x), GaussianNoise.Log(x), 14);
    }
}
