using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Tests.Imaging;

/// <summary>The 4:2:0 conversion's vector path writes the bytes of the per-pixel integer formula, whatever the width.</summary>
public sealed class YuvFrameTests
{
    [Theory]
    [InlineData(1920, 4)]
    [InlineData(34, 6)]
    [InlineData(50, 2)]
    [InlineData(2, 2)]
    public void Load_EqualsPerPixelFormula(int width, int height)
    {
        var image = new RgbImage(width, height);
        new Random(width * 31 + height).NextBytes(image.Pixels);

        var frame = YuvFrame.From(image);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                Assert.Equal(YuvFrame.Luma(image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]), frame.Y[(y * width) + x]);
            }
        }

        for (var cy = 0; cy < height / 2; cy++)
        {
            for (var cx = 0; cx < width / 2; cx++)
            {
                int sr = 0, sg = 0, sb = 0;
                foreach (var (dx, dy) in new[] { (0, 0), (1, 0), (0, 1), (1, 1) })
                {
                    var i = ((((2 * cy) + dy) * width) + (2 * cx) + dx) * 3;
                    sr += image.Pixels[i];
                    sg += image.Pixels[i + 1];
                    sb += image.Pixels[i + 2];
                }

                Assert.Equal((byte)(128 + (((-6596 * sr) - (22189 * sg) + (28785 * sb) + (1 << 17)) >> 18)), frame.U[(cy * (width / 2)) + cx]);
                Assert.Equal((byte)(128 + (((28784 * sr) - (26145 * sg) - (2639 * sb) + (1 << 17)) >> 18)), frame.V[(cy * (width / 2)) + cx]);
            }
        }
    }
}
