using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>
/// Measures QA01–QA04, QA06–QA09 and, where the shot casts a character and the backend knows where
/// it drew the face, QA10 on a clip while it streams, one frame at a time: only the previous frame's
/// analysis plane (and, in the CTA window, its luma) is kept. In an object detail of a film's product,
/// QA12 reads the product inside the subject box. Spatial checks (the face and the product too) run on
/// every <see cref="SpatialStride"/>-th frame; temporal ones on every frame.
/// </summary>
public sealed class ClipAnalyzer
{
    /// <summary>Spatial checks sample one frame in this many (2 per second at 24 fps): they vary slowly within a 3–5 s shot.</summary>
    public const int SpatialStride = 12;

    /// <summary>Border strip depth as a fraction of the frame height: what a 200% crop of an edge shows.</summary>
    public const double BorderShare = 1.0 / 16;

    /// <summary>Width of the phone frame of the mobile check (QA08), in pixels.</summary>
    public const int PhoneWidth = 360;

    private readonly int width;
    private readonly int height;
    private readonly QaContext context;
    private readonly MotionEstimator motion;
    private readonly List<double> meanLuma = [];
    private readonly List<GlobalMotion> motions = [];
    private double edgeRatioSum;
    private double sharpnessSum;
    private double mobileSum;
    private double backgroundRatioSum;
    private int spatialFrames;
    private double sumY;
    private double sumU;
    private double sumV;
    private long chromaSamples;
    private double ctaNoiseSum;
    private int ctaFrames;
    private byte[]? previousLuma;
    private int frames;
    private readonly List<PixelBox>? subjects;
    private readonly float[]? sheetFace;
    private readonly List<float[]> faces = [];
    private readonly List<float[]> recognized = [];
    private readonly Lab? sheetProduct;
    private readonly List<Lab> products = [];

    /// <summary>Creates an analyzer for frames of <paramref name="width"/> x <paramref name="height"/>.</summary>
    /// <param name="width">Frame width.</param>
    /// <param name="height">Frame height.</param>
    /// <param name="context">What the measurements are judged against.</param>
    /// <param name="trackSubject">Keep every frame's subject box for the report (<see cref="QaReport.Subject"/>): false when the boxes are a guess.</param>
    public ClipAnalyzer(int width, int height, QaContext context, bool trackSubject = true)
    {
        subjects = trackSubject ? [] : null;
        this.width = width;
        this.height = height;
        this.context = context;
        motion = new MotionEstimator(width, height);
        sheetFace = context.Face is { } reference ? Keyframe.Previz.CharacterSheetFace.Of(reference) : null;
        sheetProduct = context.Product is { } product ? Keyframe.Previz.ProductSheetAppearance.Of(product) : null;
    }

    /// <summary>Frame-to-frame global motion measured so far (smoothness checks).</summary>
    public IReadOnlyList<GlobalMotion> Motions => motions;

    /// <summary>Measures frame number <see cref="Frames"/>; <paramref name="subject"/> is the subject's box in output pixels, <paramref name="face"/> the lead's face where known.</summary>
    public void Add(YuvFrame frame, PixelBox subject, PixelBox? face = null)
    {
        if (frame.Width != width || frame.Height != height)
        {
            throw new ArgumentException($"Frame is {frame.Width}x{frame.Height}; the analyzer measures {width}x{height}.", nameof(frame));
        }

        if (motion.Add(frame) is { } m)
        {
            motions.Add(m);
        }

        meanLuma.Add(motion.MeanLuma);

        // Hundredths of a pixel: the report stays small and the track exact enough to place a crop.
        subjects?.Add(new PixelBox(Math.Round(subject.Left, 2), Math.Round(subject.Top, 2), Math.Round(subject.Right, 2), Math.Round(subject.Bottom, 2)));

        if (frames % SpatialStride == 0)
        {
            MeasureSpatial(frame, subject);
            if (sheetFace is not null && face is { } box && FaceSignature.Of(frame, box) is { } signature)
            {
                faces.Add(signature);
            }

            if (sheetProduct is not null && ProductAppearance.Of(frame, subject) is { } colour)
            {
                products.Add(colour);
            }
        }

        if (context.CtaWindowStart is { } start && frames >= start)
        {
            MeasureCtaNoise(frame);
        }

        frames++;
    }

    /// <summary>
    /// Adds a face a recognizer found in the frame just measured (<see cref="IFaceMeter"/>), for a
    /// picture whose backend did not record where it drew the face: QA10 is then the face's drift within
    /// the clip, and the clip's mean face goes into the report (<see cref="QaReport.Face"/>) for the
    /// comparison across the character's shots.
    /// </summary>
    public void AddRecognized(float[] embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        recognized.Add(embedding);
    }

    /// <summary>Frames measured so far.</summary>
    public int Frames => frames;

    /// <summary>The scores of the clip.</summary>
    public QaReport Finish()
    {
        var scores = new List<QaScore>
        {
            QaScore.Of(QaMetrics.Flicker, Flicker()),
            QaScore.Of(QaMetrics.EdgeArtifacts, edgeRatioSum / Math.Max(1, spatialFrames)),
        };

        var (a, b) = MeanLab();
        scores.Add(QaScore.Of(QaMetrics.ColourCast, (context.Palette ?? PaletteIntent.Neutral).Cast(a, b)));
        scores.Add(QaScore.Of(QaMetrics.OverSharpness, sharpnessSum / Math.Max(1, spatialFrames)));
        var measured = motions.Count == 0 ? 0 : motions.Average(m => m.MeanDisplacement);
        var implied = Math.Max(context.ImpliedDisplacement, QaMetrics.MotionEnergyFloor * width);
        scores.Add(QaScore.Of(QaMetrics.MotionEnergy, measured / implied));
        if (ctaFrames > 0)
        {
            scores.Add(QaScore.Of(QaMetrics.CtaNoise, ctaNoiseSum / ctaFrames));
        }

        scores.Add(QaScore.Of(QaMetrics.MobileContrast, mobileSum / Math.Max(1, spatialFrames)));
        scores.Add(QaScore.Of(QaMetrics.BackgroundVsSubject, backgroundRatioSum / Math.Max(1, spatialFrames)));
        if (faces.Count > 0)
        {
            scores.Add(QaScore.Of(QaMetrics.FaceIdentity, FaceDrift()));
        }
        else if (recognized.Count > 0)
        {
            scores.Add(QaScore.Of(QaMetrics.FaceIdentity, FaceEmbeddings.Within(recognized) ?? 0));
        }

        Lab? product = null;
        if (products.Count > 0)
        {
            var mean = ProductAppearance.Mean(products);
            product = new Lab(Math.Round(mean.L, 4), Math.Round(mean.A, 4), Math.Round(mean.B, 4));
            scores.Add(QaScore.Of(QaMetrics.ProductAppearance, product.Value.DeltaE(sheetProduct!.Value)));
        }

        return new QaReport(scores, Math.Round(a, 4), Math.Round(b, 4), frames)
        {
            Face = recognized.Count > 0 ? FaceEmbeddings.Mean(recognized) : null,
            Subject = subjects is null ? null : Animate.SubjectTrack.InFrame(width, height, subjects),
            Product = product,
        };
    }

    // QA10: the worse of the face's drift within the clip and the clip's mean face against the sheet's.
    private double FaceDrift() =>
        Math.Max(FaceEmbeddings.Within(faces) ?? 0, FaceEmbeddings.Distance(FaceEmbeddings.Mean(faces), sheetFace!));

    private double Flicker()
    {
        // Frame-to-frame change of mean luma, minus its slow trend (a 7-frame centred mean):
        // camera moves and light breathing are slow; flicker is what is left.
        if (meanLuma.Count < 3)
        {
            return 0;
        }

        var d = new double[meanLuma.Count - 1];
        for (var i = 1; i < meanLuma.Count; i++)
        {
            d[i - 1] = meanLuma[i] - meanLuma[i - 1];
        }

        double sum = 0, squares = 0;
        for (var i = 0; i < d.Length; i++)
        {
            int lo = Math.Max(0, i - 3), hi = Math.Min(d.Length - 1, i + 3);
            var trend = 0.0;
            for (var j = lo; j <= hi; j++)
            {
                trend += d[j];
            }

            var residual = d[i] - (trend / (hi - lo + 1));
            sum += residual;
            squares += residual * residual;
        }

        var mean = sum / d.Length;
        return Math.Sqrt(Math.Max(0, (squares / d.Length) - (mean * mean)));
    }

    private void MeasureSpatial(YuvFrame frame, PixelBox subject)
    {
        spatialFrames++;
        var border = Math.Max(3, (int)(height * BorderShare));

        // QA02: high-frequency energy of the four border strips against the interior.
        var edges = (LumaPlane.MeanAbsLaplacian(frame, 0, 0, width, border)
            + LumaPlane.MeanAbsLaplacian(frame, 0, height - border, width, height)
            + LumaPlane.MeanAbsLaplacian(frame, 0, border, border, height - border)
            + LumaPlane.MeanAbsLaplacian(frame, width - border, border, width, height - border)) / 4;
        var interior = LumaPlane.MeanAbsLaplacian(frame, 2 * border, 2 * border, width - (2 * border), height - (2 * border));
        edgeRatioSum += (edges + 0.5) / (interior + 0.5);

        // QA04: acutance index, mean |Laplacian| per unit of luma spread.
        var whole = LumaPlane.Stats(frame, 0, 0, width, height);
        sharpnessSum += LumaPlane.MeanAbsLaplacian(frame, 0, 0, width, height) / Math.Max(1, whole.StdDev);

        // QA03: grey-world mean colour, accumulated on the chroma planes.
        long su = 0, sv = 0;
        for (var i = 0; i < frame.U.Length; i++)
        {
            su += frame.U[i];
            sv += frame.V[i];
        }

        sumU += su;
        sumV += sv;
        sumY += whole.Mean * frame.U.Length;
        chromaSamples += frame.U.Length;

        mobileSum += MobileContrast(frame);

        // QA09: background luma over subject luma.
        var (sx0, sy0, sx1, sy1) = ((int)subject.Left, (int)subject.Top, (int)Math.Ceiling(subject.Right), (int)Math.Ceiling(subject.Bottom));
        var inside = LumaPlane.Stats(frame, sx0, sy0, sx1, sy1);
        if (inside.Count > 0 && whole.Count > inside.Count)
        {
            var backgroundMean = ((whole.Mean * whole.Count) - (inside.Mean * inside.Count)) / (whole.Count - inside.Count);
            backgroundRatioSum += Math.Max(0, backgroundMean) / Math.Max(1, inside.Mean);
        }
    }

    private double MobileContrast(YuvFrame frame)
    {
        // A 9:16 centre crop, box-averaged down to the phone width; RMS contrast of luma (0..1).
        var cropWidth = Math.Min(width, height * 9 / 16);
        var x0 = (width - cropWidth) / 2;
        var factor = Math.Max(1, cropWidth / PhoneWidth);
        int cols = cropWidth / factor, rows = height / factor;
        double sum = 0, squares = 0;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                var s = 0;
                for (var dy = 0; dy < factor; dy++)
                {
                    var row = (((y * factor) + dy) * width) + x0 + (x * factor);
                    for (var dx = 0; dx < factor; dx++)
                    {
                        s += frame.Y[row + dx];
                    }
                }

                var v = LumaPlane.Full(0) + ((double)s / (factor * factor) * (255.0 / 219.0));
                v /= 255;
                sum += v;
                squares += v * v;
            }
        }

        var n = (double)cols * rows;
        var mean = sum / n;
        return Math.Sqrt(Math.Max(0, (squares / n) - (mean * mean)));
    }

    private void MeasureCtaNoise(YuvFrame frame)
    {
        // Temporal noise (frame difference with the global change removed) plus fine spatial noise
        // (distance to the 3x3 mean), both in code values.
        var y = frame.Y;
        double spatial = 0;
        long count = 0;
        for (var row = 1; row < height - 1; row++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = (row * width) + x;
                var box = y[i - width - 1] + y[i - width] + y[i - width + 1] + y[i - 1] + y[i] + y[i + 1] + y[i + width - 1] + y[i + width] + y[i + width + 1];
                spatial += Math.Abs(y[i] - (box / 9.0));
                count++;
            }
        }

        var noise = spatial / Math.Max(1, count);
        if (previousLuma is not null)
        {
            long shift = 0;
            for (var i = 0; i < y.Length; i++)
            {
                shift += y[i] - previousLuma[i];
            }

            var meanShift = (double)shift / y.Length;
            double temporal = 0;
            for (var i = 0; i < y.Length; i++)
            {
                temporal += Math.Abs(y[i] - previousLuma[i] - meanShift);
            }

            noise += temporal / y.Length;
            ctaNoiseSum += noise * (255.0 / 219.0);
            ctaFrames++;
        }

        previousLuma ??= new byte[y.Length];
        Array.Copy(y, previousLuma, y.Length);
    }

    // Colour maths is the render's one colour module (DetMath, not libm): the scores land in the
    // settings log, which must be the same bytes on every machine.
    private (double A, double B) MeanLab()
    {
        if (chromaSamples == 0)
        {
            return (0, 0);
        }

        var (r, g, b) = YuvFrame.ToRgb(16 + (sumY / chromaSamples * 219.0 / 255.0), sumU / chromaSamples, sumV / chromaSamples);
        var lab = Colour.ToLab(new Rgb(r, g, b));
        return (lab.A, lab.B);
    }
}
