using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Media;

/// <summary>
/// Measured picture statistics of one shot, from sampled frames: its mean colour (QA03), the
/// transition-rule dimensions a picture shows (light side, contrast, grain, apparent speed), and where
/// its detail sits horizontally (the mobile crop's subject).
/// </summary>
public sealed record ClipStatistics
{
    /// <summary>Mean encoded colour.</summary>
    public required Rgb MeanColour { get; init; }

    /// <summary>CIELAB of <see cref="MeanColour"/>.</summary>
    public Lab MeanLab => Colour.ToLab(MeanColour);

    /// <summary>Mean luma, 0..1.</summary>
    public required double MeanLuma { get; init; }

    /// <summary>Luma spread between the 10th and 90th percentiles, 0..1: the contrast level.</summary>
    public required double ContrastSpread { get; init; }

    /// <summary>(right − left) / (right + left) of mean luma: negative when the light comes from the left.</summary>
    public required double LightBalance { get; init; }

    /// <summary>Mean absolute frame-to-frame luma change, 0..1: apparent speed.</summary>
    public required double Motion { get; init; }

    /// <summary>Mean absolute 4-neighbour Laplacian of luma, 0..1: fine texture and grain density.</summary>
    public required double FineDetail { get; init; }

    /// <summary>Horizontal centre of the subject, 0 (left edge) .. 1 (right edge): the centroid of local contrast.</summary>
    public required double SubjectX { get; init; }

    /// <summary>Local-contrast energy per column of the sampled frame, summing to 1: where the detail (the subject) sits.</summary>
    public required IReadOnlyList<double> ColumnEnergy { get; init; }

    /// <summary>Measures <paramref name="frames"/>.</summary>
    public static ClipStatistics Measure(IReadOnlyList<RgbImage> frames)
    {
        double r = 0, g = 0, b = 0, left = 0, right = 0, motion = 0, detail = 0;
        var lumas = new List<double>();
        var columnEnergy = new double[frames[0].Width];
        double[]? previous = null;
        long pixels = 0, detailCount = 0, motionCount = 0;
        foreach (var frame in frames)
        {
            var w = frame.Width;
            var h = frame.Height;
            var luma = new double[w * h];
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var c = frame.At(x, y);
                    r += c.R;
                    g += c.G;
                    b += c.B;
                    var l = c.Luma;
                    luma[(y * w) + x] = l;
                    if (x < w / 2)
                    {
                        left += l;
                    }
                    else if (x >= w - (w / 2))
                    {
                        right += l;
                    }

                    pixels++;
                }
            }

            for (var i = 0; i < luma.Length; i += 7)
            {
                lumas.Add(luma[i]);
            }

            for (var y = 1; y < h - 1; y++)
            {
                for (var x = 1; x < w - 1; x++)
                {
                    var i = (y * w) + x;
                    var lap = Math.Abs((4 * luma[i]) - luma[i - 1] - luma[i + 1] - luma[i - w] - luma[i + w]);
                    detail += lap;
                    columnEnergy[x] += lap;
                    detailCount++;
                }
            }

            if (previous is not null)
            {
                for (var i = 0; i < luma.Length; i++)
                {
                    motion += Math.Abs(luma[i] - previous[i]);
                }

                motionCount += luma.Length;
            }

            previous = luma;
        }

        lumas.Sort();
        var p10 = lumas[(int)(lumas.Count * 0.1)];
        var p90 = lumas[Math.Min(lumas.Count - 1, (int)(lumas.Count * 0.9))];
        var total = columnEnergy.Sum();
        var centroid = total <= 1e-12 ? 0.5 : columnEnergy.Select((e, x) => e * (x + 0.5)).Sum() / total / columnEnergy.Length;
        return new ClipStatistics
        {
            MeanColour = new Rgb(r / pixels, g / pixels, b / pixels),
            MeanLuma = lumas.Average(),
            ContrastSpread = p90 - p10,
            LightBalance = right + left <= 1e-12 ? 0 : (right - left) / (right + left),
            Motion = motionCount == 0 ? 0 : motion / motionCount,
            FineDetail = detailCount == 0 ? 0 : detail / detailCount,
            SubjectX = centroid,
            ColumnEnergy = total <= 1e-12 ? columnEnergy.Select(_ => 1.0 / columnEnergy.Length).ToArray() : columnEnergy.Select(e => e / total).ToArray(),
        };
    }
}
