using System.Runtime.Intrinsics;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>
/// Global motion between consecutive frames: a translation plus a zoom, fitted by least squares to
/// the brightness-constancy equation (one Lucas–Kanade step) on a box-downscaled luma plane, so that
/// frame-to-frame motion stays well under a pixel at the analysis scale.
/// </summary>
public sealed class MotionEstimator
{
    /// <summary>Width of the analysis plane in pixels (frames are box-averaged down to about this).</summary>
    public const int AnalysisWidth = 192;

    private readonly int factor;
    private readonly int width;
    private readonly int height;
    private readonly int frameWidth;
    private readonly int frameHeight;
    private readonly double[] scratch;
    private readonly double[] blurred;
    private readonly ushort[] columnSums;
    private double[] current;
    private double[] previous;
    private bool hasPrevious;

    /// <summary>Creates an estimator for frames of <paramref name="frameWidth"/> x <paramref name="frameHeight"/>.</summary>
    public MotionEstimator(int frameWidth, int frameHeight)
    {
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
        factor = Math.Max(1, frameWidth / AnalysisWidth);
        width = frameWidth / factor;
        height = frameHeight / factor;

        // Planes are reused frame after frame: a clip's length must not change the memory used.
        current = new double[width * height];
        previous = new double[width * height];
        scratch = new double[width * height];
        blurred = new double[width * height];
        // A column of a block sums at most 255 x factor, and factor is at most a few dozen: 16 bits hold it.
        columnSums = new ushort[width * factor];
    }

    /// <summary>Mean luma of the last frame added, in full-range code values, over the analysis plane (the frame less at most a few edge pixels).</summary>
    public double MeanLuma { get; private set; }

    /// <summary>Adds a frame; returns the motion from the previous frame, or null for the first.</summary>
    public GlobalMotion? Add(YuvFrame frame)
    {
        Downscale(frame, current);
        var motion = hasPrevious ? Estimate(previous, current) : (GlobalMotion?)null;
        (previous, current) = (current, previous);
        hasPrevious = true;
        return motion;
    }

    private unsafe void Downscale(YuvFrame frame, double[] plane)
    {
        // Box sums: the block's rows are added column by column (sixteen columns a step where the
        // CPU has vectors; integer sums, so the same whatever the width), then each block's columns.
        var area = 1.0 / (factor * factor);
        long total = 0;
        var stride = frame.Width;
        fixed (byte* luma = frame.Y)
        fixed (ushort* columns = columnSums)
        {
            for (var y = 0; y < height; y++)
            {
                new Span<ushort>(columns, columnSums.Length).Clear();
                for (var dy = 0; dy < factor; dy++)
                {
                    var row = luma + ((((y * factor) + dy) * stride));
                    var x = 0;
                    if (Vector128.IsHardwareAccelerated)
                    {
                        for (; x + 16 <= width * factor; x += 16)
                        {
                            var (low, high) = Vector128.Widen(Vector128.Load(row + x));
                            (Vector128.Load(columns + x) + low).Store(columns + x);
                            (Vector128.Load(columns + x + 8) + high).Store(columns + x + 8);
                        }
                    }

                    for (; x < width * factor; x++)
                    {
                        columns[x] += row[x];
                    }
                }

                for (var x = 0; x < width; x++)
                {
                    var sum = 0;
                    for (var dx = 0; dx < factor; dx++)
                    {
                        sum += columns[(x * factor) + dx];
                    }

                    plane[(y * width) + x] = sum * area;
                    total += sum;
                }
            }
        }

        MeanLuma = ((double)total / ((long)width * height * factor * factor) - 16) * (255.0 / 219.0);

        Blur(plane);
    }

    private void Blur(double[] plane)
    {
        // Separable binomial [1 4 6 4 1]/16: grain in the gradients would bias the fit towards zero.
        var temp = scratch;
        var result = blurred;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                temp[(y * width) + x] = Tap(plane, (y * width) + Math.Clamp(x - 2, 0, width - 1), (y * width) + Math.Clamp(x - 1, 0, width - 1), (y * width) + x, (y * width) + Math.Clamp(x + 1, 0, width - 1), (y * width) + Math.Clamp(x + 2, 0, width - 1));
            }
        }

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                result[(y * width) + x] = Tap(temp, (Math.Clamp(y - 2, 0, height - 1) * width) + x, (Math.Clamp(y - 1, 0, height - 1) * width) + x, (y * width) + x, (Math.Clamp(y + 1, 0, height - 1) * width) + x, (Math.Clamp(y + 2, 0, height - 1) * width) + x);
            }
        }

        Array.Copy(result, plane, plane.Length);
    }

    private static double Tap(double[] p, int a, int b, int c, int d, int e) => (p[a] + (4 * p[b]) + (6 * p[c]) + (4 * p[d]) + p[e]) / 16;

    private GlobalMotion Estimate(double[] a, double[] b)
    {
        // Unknowns (tx, ty, s): displacement d(x) = (tx + s*xr, ty + s*yr), xr/yr from the centre.
        double a11 = 0, a12 = 0, a13 = 0, a22 = 0, a23 = 0, a33 = 0, b1 = 0, b2 = 0, b3 = 0;
        double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
        for (var y = 4; y < height - 4; y++)
        {
            for (var x = 4; x < width - 4; x++)
            {
                var i = (y * width) + x;
                var ix = ((a[i + 1] - a[i - 1]) + (b[i + 1] - b[i - 1])) / 4;
                var iy = ((a[i + width] - a[i - width]) + (b[i + width] - b[i - width])) / 4;
                var it = b[i] - a[i];
                double xr = x - cx, yr = y - cy;
                var iz = (ix * xr) + (iy * yr);
                a11 += ix * ix;
                a12 += ix * iy;
                a13 += ix * iz;
                a22 += iy * iy;
                a23 += iy * iz;
                a33 += iz * iz;
                b1 -= ix * it;
                b2 -= iy * it;
                b3 -= iz * it;
            }
        }

        var (tx, ty, s) = Solve(a11, a12, a13, a22, a23, a33, b1, b2, b3);
        return new GlobalMotion(tx * factor, ty * factor, s, MeanDisplacement(tx * factor, ty * factor, s));
    }

    private double MeanDisplacement(double tx, double ty, double s)
    {
        var sum = 0.0;
        for (var gy = 1; gy <= 3; gy++)
        {
            for (var gx = 1; gx <= 5; gx++)
            {
                double xr = (gx / 6.0 * frameWidth) - (frameWidth / 2.0), yr = (gy / 4.0 * frameHeight) - (frameHeight / 2.0);
                double dx = tx + (s * xr), dy = ty + (s * yr);
                sum += Math.Sqrt((dx * dx) + (dy * dy));
            }
        }

        return sum / 15;
    }

    private static (double, double, double) Solve(double a11, double a12, double a13, double a22, double a23, double a33, double b1, double b2, double b3)
    {
        // Cramer's rule on the symmetric 3x3 system; a featureless frame has no motion to measure.
        var det = (a11 * ((a22 * a33) - (a23 * a23))) - (a12 * ((a12 * a33) - (a23 * a13))) + (a13 * ((a12 * a23) - (a22 * a13)));
        if (Math.Abs(det) < 1e-9)
        {
            return (0, 0, 0);
        }

        var x = ((b1 * ((a22 * a33) - (a23 * a23))) - (a12 * ((b2 * a33) - (a23 * b3))) + (a13 * ((b2 * a23) - (a22 * b3)))) / det;
        var y = ((a11 * ((b2 * a33) - (a23 * b3))) - (b1 * ((a12 * a33) - (a23 * a13))) + (a13 * ((a12 * b3) - (b2 * a13)))) / det;
        var z = ((a11 * ((a22 * b3) - (b2 * a23))) - (a12 * ((a12 * b3) - (b2 * a13))) + (b1 * ((a12 * a23) - (a22 * a13)))) / det;
        return (x, y, z);
    }
}

/// <summary>Motion between two frames: translation in output pixels, zoom rate (displacement per pixel from the centre), and the mean displacement over the frame.</summary>
public readonly record struct GlobalMotion(double Tx, double Ty, double Zoom, double MeanDisplacement);
