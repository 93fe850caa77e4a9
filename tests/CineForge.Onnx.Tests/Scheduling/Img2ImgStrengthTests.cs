using CineForge.Onnx.Scheduling;

namespace CineForge.Onnx.Tests.Scheduling;

public sealed class Img2ImgStrengthTests
{
    [Theory]
    [InlineData(30, 1.0, 30, 0)]
    [InlineData(30, 0.3, 9, 21)]
    [InlineData(30, 0.35, 10, 20)]
    [InlineData(30, 0.25, 7, 23)]
    [InlineData(30, 0.4, 12, 18)]
    [InlineData(4, 0.5, 2, 2)]
    [InlineData(4, 0.3, 1, 3)]
    [InlineData(4, 0.2, 0, 4)]
    [InlineData(25, 0.75, 18, 7)]
    [InlineData(30, 0.0, 0, 30)]
    public void StepsRun_IsTheIntegerPartOfStepsTimesStrength(int steps, double strength, int run, int begin)
    {
        var plan = new Img2ImgStrength(steps, strength);

        Assert.Equal(run, plan.StepsRun);
        Assert.Equal(begin, plan.BeginIndex);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void StrengthOutside0To1_Throws(double strength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Img2ImgStrength(30, strength));
    }
}
