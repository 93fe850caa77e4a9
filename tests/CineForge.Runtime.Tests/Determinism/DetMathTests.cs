using CineForge.Runtime.Determinism;

namespace CineForge.Runtime.Tests.Determinism;

public sealed class DetMathTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(-4.0)]
    [InlineData(40.0)]
    public void SinAndCos_AgreeWithLibm(double x)
    {
        Assert.Equal(Math.Sin(x), DetMath.Sin(x), 1e-9);
        Assert.Equal(Math.Cos(x), DetMath.Cos(x), 1e-9);
    }

    [Theory]
    [InlineData(0.0001, 2.4)]
    [InlineData(0.21, 2.4)]
    [InlineData(0.99, 1.0 / 3)]
    [InlineData(7.5, 0.5)]
    public void Pow_AgreesWithLibm(double x, double y) => Assert.Equal(Math.Pow(x, y), DetMath.Pow(x, y), 1e-12);

    [Fact]
    public void SplitMix64_IsTheDocumentedSequence()
    {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var random = new SeededRandom(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextBits());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextBits());
    }
}
