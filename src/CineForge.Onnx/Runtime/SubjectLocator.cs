using CineForge.Onnx.Depth;
using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Onnx.Runtime;

/// <summary>
/// Where the subject of a generated keyframe is (QA09 compares it with the background). With a depth
/// model: the box of the nearest fifth of the frame's pixels (fewer when most of the frame is at the
/// farthest distance: then the box of everything nearer than that). Without: the centre half of the frame,
/// where the prompt template frames the subject.
/// </summary>
public sealed class SubjectLocator(DepthEstimator? depth)
{
    /// <summary>Share of the frame's pixels taken as the subject (the nearest ones).</summary>
    public const double NearestShare = 0.2;

    /// <summary>True when the box is measured (a depth model); false when it is the centre half, a guess.</summary>
    public bool Measures => depth is not null;

    /// <summary>The subject box of <paramref name="canvas"/>, whose centre frame is <paramref name="frameWidth"/> x <paramref name="frameHeight"/>.</summary>
    public PixelBox Locate(RgbImage canvas, int frameWidth, int frameHeight)
    {
        double left = (canvas.Width - frameWidth) / 2.0, top = (canvas.Height - frameHeight) / 2.0;
        var centre = new PixelBox(left + (frameWidth * 0.25), top + (frameHeight * 0.25), left + (frameWidth * 0.75), top + (frameHeight * 0.75));
        if (depth is null)
        {
            return centre;
        }

        var map = depth.Estimate(new RgbImage(canvas.Width, canvas.Height, canvas.Pixels));
        var inFrame = new List<float>();
        for (var y = (int)top; y < top + frameHeight; y++)
        {
            for (var x = (int)left; x < left + frameWidth; x++)
            {
                inFrame.Add(map.Nearness[(y * map.Width) + x]);
            }
        }

        inFrame.Sort();
        var threshold = inFrame[(int)((1 - NearestShare) * (inFrame.Count - 1))];
        var strict = threshold <= inFrame[0] + 0.01f;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var y = (int)top; y < top + frameHeight; y++)
        {
            for (var x = (int)left; x < left + frameWidth; x++)
            {
                var nearness = map.Nearness[(y * map.Width) + x];
                if (strict ? nearness > threshold + 0.01f : nearness >= threshold)
                {
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x + 1), Math.Max(maxY, y + 1));
                }
            }
        }

        return minX < maxX && minY < maxY ? new PixelBox(minX, minY, maxX, maxY) : centre;
    }
}
