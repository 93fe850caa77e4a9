using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Tests.Stages.Select;

public sealed class MotionEstimatorTests
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1930, 20)]
    [InlineData(200, 12)]
    public void MeanLuma_IsTheMeanOverTheAnalysisBlocks(int width, int height)
    {
        var frame = new YuvFrame(width, height);
        new Random(width + height).NextBytes(frame.Y);
        var factor = Math.Max(1, width / MotionEstimator.AnalysisWidth);
        var (blocksWide, blocksHigh) = (width / factor, height / factor);
        long total = 0;
        for (var y = 0; y < blocksHigh * factor; y++)
        {
            for (var x = 0; x < blocksWide * factor; x++)
            {
                total += frame.Y[(y * width) + x];
            }
        }

        var estimator = new MotionEstimator(width, height);
        estimator.Add(frame);

        var expected = ((double)total / ((long)blocksWide * blocksHigh * factor * factor) - 16) * (255.0 / 219.0);
        Assert.Equal(expected, estimator.MeanLuma, 12);
    }
}
