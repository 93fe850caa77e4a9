using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>Luma measurements on a frame's Y plane, in full-range 8-bit code values (0..255).</summary>
internal static class LumaPlane
{
    /// <summary>Full-range code value of a limited-range luma byte.</summary>
    public static double Full(byte y) => (y - 16) * (255.0 / 219.0);

    /// <summary>Mean absolute 4-neighbour Laplacian over the rectangle [x0,x1) x [y0,y1), clipped to the interior.</summary>
    public static double MeanAbsLaplacian(YuvFrame frame, int x0, int y0, int x1, int y1)
    {
        var w = frame.Width;
        x0 = Math.Max(1, x0);
        y0 = Math.Max(1, y0);
        x1 = Math.Min(frame.Width - 1, x1);
        y1 = Math.Min(frame.Height - 1, y1);
        if (x1 <= x0 || y1 <= y0)
        {
            return 0;
        }

        long sum = 0;
        var p = frame.Y;
        for (var y = y0; y < y1; y++)
        {
            var row = y * w;
            for (var x = x0; x < x1; x++)
            {
                var i = row + x;
                var lap = (4 * p[i]) - p[i - 1] - p[i + 1] - p[i - w] - p[i + w];
                sum += lap < 0 ? -lap : lap;
            }
        }

        return (double)sum / ((long)(x1 - x0) * (y1 - y0)) * (255.0 / 219.0);
    }

    /// <summary>Mean and standard deviation of luma over a rectangle.</summary>
    public static (double Mean, double StdDev, long Count) Stats(YuvFrame frame, int x0, int y0, int x1, int y1)
    {
        x0 = Math.Clamp(x0, 0, frame.Width);
        x1 = Math.Clamp(x1, 0, frame.Width);
        y0 = Math.Clamp(y0, 0, frame.Height);
        y1 = Math.Clamp(y1, 0, frame.Height);
        long sum = 0, squares = 0, count = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                int v = frame.Y[(y * frame.Width) + x];
                sum += v;
                squares += v * v;
                count++;
            }
        }

        if (count == 0)
        {
            return (0, 0, 0);
        }

        var mean = (double)sum / count;
        var variance = Math.Max(0, ((double)squares / count) - (mean * mean));
        var scale = 255.0 / 219.0;
        return ((mean - 16) * scale, Math.Sqrt(variance) * scale, count);
    }
}
