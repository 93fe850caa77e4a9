using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>
/// The previz's face embedding for QA10: where a backend knows where it drew the face (the previz
/// does), the face box is read as a small template, <see cref="Grid"/> x <see cref="Grid"/> cells of
/// luma and half as many of each chroma plane, each plane's mean taken out (so the key light's level
/// and the set's tint move it little) and the whole scaled to unit length. What is left is the face's
/// layout: where hair, skin and eyes are and how their colours differ, which is what the character
/// sheet fixes (hair colour and volume, skin, head shape). The cosine distance between two signatures
/// is 1 minus their normalized cross-correlation, on the same scale as a face recognizer's.
/// </summary>
public static class FaceSignature
{
    /// <summary>Luma cells per side of the template.</summary>
    public const int Grid = 12;

    /// <summary>A face box lower than this (in frame pixels) is too small to read: no signature, as a detector finds no face.</summary>
    public const double MinimumHeight = 12;

    /// <summary>A face box with less than this share of its area inside the frame is cut by the frame edge: no signature.</summary>
    public const double MinimumInside = 0.9;

    // Chroma deviations are a fraction of luma's on a face; weighted up so hair and skin colour count.
    private const double ChromaWeight = 2;

    /// <summary>The signature of the face at <paramref name="face"/> (frame pixels) in <paramref name="frame"/>, or null when the box is too small or cut by the frame.</summary>
    public static float[]? Of(YuvFrame frame, PixelBox face)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var inside = new PixelBox(Math.Max(0, face.Left), Math.Max(0, face.Top), Math.Min(frame.Width, face.Right), Math.Min(frame.Height, face.Bottom));
        if (face.Height < MinimumHeight || inside.Width <= 0 || inside.Height <= 0
            || inside.Width * inside.Height < MinimumInside * face.Width * face.Height)
        {
            return null;
        }

        var luma = Oval(Cells(frame.Y, frame.Width, frame.Height, inside, 1, Grid), Grid);
        var cb = Oval(Cells(frame.U, frame.Width / 2, frame.Height / 2, inside, 0.5, Grid / 2), Grid / 2);
        var cr = Oval(Cells(frame.V, frame.Width / 2, frame.Height / 2, inside, 0.5, Grid / 2), Grid / 2);
        var signature = new float[luma.Length + cb.Length + cr.Length];
        Centre(luma, 1).CopyTo(signature, 0);
        Centre(cb, ChromaWeight).CopyTo(signature, luma.Length);
        Centre(cr, ChromaWeight).CopyTo(signature, luma.Length + cb.Length);
        return FaceEmbeddings.Normalize(signature);
    }

    // The mean of each of cells x cells areas of the box (scaled by `scale` into the plane), each
    // sampled on a 4 x 4 lattice of nearest pixels: the cells are a few pixels wide at the smallest face.
    private static double[] Cells(byte[] plane, int width, int height, PixelBox box, double scale, int cells)
    {
        var result = new double[cells * cells];
        double left = box.Left * scale, top = box.Top * scale, cellW = box.Width * scale / cells, cellH = box.Height * scale / cells;
        const int Samples = 4;
        for (var cy = 0; cy < cells; cy++)
        {
            for (var cx = 0; cx < cells; cx++)
            {
                var sum = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    var y = Math.Clamp((int)(top + ((cy + ((sy + 0.5) / Samples)) * cellH)), 0, height - 1);
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var x = Math.Clamp((int)(left + ((cx + ((sx + 0.5) / Samples)) * cellW)), 0, width - 1);
                        sum += plane[(y * width) + x];
                    }
                }

                result[(cy * cells) + cx] = sum / (double)(Samples * Samples);
            }
        }

        return result;
    }

    // Only the cells inside the oval the box holds: the head and hair, not the set behind the corners.
    private static double[] Oval(double[] cells, int side) =>
        cells.Where((_, i) =>
        {
            double u = ((i % side) + 0.5 - (side / 2.0)) / (side / 2.0), v = ((i / side) + 0.5 - (side / 2.0)) / (side / 2.0);
            return (u * u) + (v * v) <= 1;
        }).ToArray();

    private static float[] Centre(double[] values, double weight)
    {
        var mean = values.Average();
        return values.Select(v => (float)((v - mean) * weight)).ToArray();
    }
}
