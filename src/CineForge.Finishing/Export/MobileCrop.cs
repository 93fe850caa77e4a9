using System.Globalization;
using System.Text;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Finishing.Export;

/// <summary>What placed a shot's 9:16 window.</summary>
public enum CropBasis
{
    /// <summary>The subject's box in every frame, from the stage that made the picture.</summary>
    SubjectBox,

    /// <summary>No box known: the picture's detail, weighed by the shot type's composition.</summary>
    Saliency,
}

/// <summary>
/// A straight piece of a window's path: from timeline frame <paramref name="Start"/> up to
/// <paramref name="End"/> (excluded), the left edge starts at <paramref name="X"/> and moves
/// <paramref name="Slope"/> pixels a frame, floored to an even pixel (4:2:0 chroma).
/// </summary>
/// <param name="Start">First timeline frame.</param>
/// <param name="End">Timeline frame after the last.</param>
/// <param name="X">Left edge at <paramref name="Start"/>, in source pixels (a value the crop expression writes exactly).</param>
/// <param name="Slope">Pixels per frame (written exactly too).</param>
public readonly record struct CropSegment(int Start, int End, double X, double Slope)
{
    /// <summary>The left edge at timeline frame <paramref name="frame"/>, as FFmpeg's crop evaluates <see cref="Expression"/>.</summary>
    public int At(int frame) => 2 * (int)Math.Floor((X + ((frame - Start) * Slope)) / 2);

    /// <summary>The crop x expression of this piece, in the timeline frame number <c>n</c>.</summary>
    public string Expression => Slope == 0
        ? At(Start).ToString(CultureInfo.InvariantCulture)
        : $"2*floor(({N(X)}+(n-{Start})*{N(Slope)})/2)";

    internal static string N(double v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
}

/// <summary>The 9:16 window of one shot along its frames.</summary>
/// <param name="Shot">The shot.</param>
/// <param name="Basis">What placed it.</param>
/// <param name="Path">Its path, in straight pieces covering the shot's timeline frames in order.</param>
public sealed record CropWindow(string Shot, CropBasis Basis, IReadOnlyList<CropSegment> Path)
{
    /// <summary>The shot's first timeline frame.</summary>
    public int StartFrame => Path[0].Start;

    /// <summary>The shot's length in frames.</summary>
    public int Frames => Path[^1].End - Path[0].Start;

    /// <summary>The subject's box in each frame of the shot, in the edit's pixels; null when none is known.</summary>
    public IReadOnlyList<PixelBox>? Subject { get; init; }

    /// <summary>The left edge in every frame of the shot, in source pixels.</summary>
    public IReadOnlyList<int> X => Enumerable.Range(0, Frames).Select(XAt).ToList();

    /// <summary>The left edge at frame <paramref name="local"/> of the shot.</summary>
    public int XAt(int local)
    {
        var frame = StartFrame + Math.Clamp(local, 0, Frames - 1);
        return Path.First(s => frame < s.End).At(frame);
    }

    /// <summary>Largest move of the window between two consecutive frames, in source pixels.</summary>
    public int MaxStep => Frames < 2 ? 0 : X.Zip(X.Skip(1), (a, b) => Math.Abs(b - a)).Max();
}

/// <summary>
/// The 9:16 crop of the mobile export. Each shot's window follows the subject's box as the render knows
/// it in every frame (after the camera move): it holds still while one position keeps the subject, and
/// otherwise follows a smoothed track of the box (eased, clamped to the frame and to the subject), so the
/// phone picture never jitters and never loses what the shot is about. A shot without a known box
/// (a model backend that only guessed it) gets a still window where the picture's detail is, weighed by
/// where the shot type frames its subject. Windows jump only at cuts, where a jump is invisible.
/// </summary>
public sealed record MobileCrop(int CropWidth, int CropHeight, int OutputWidth, int OutputHeight, IReadOnlyList<CropWindow> Windows)
{
    /// <summary>Pixels kept between the subject's right edge and the window's, for the even-pixel floor of the crop.</summary>
    public const int Margin = 2;

    /// <summary>Most a window moves between two frames while the subject holds still (the even-pixel step), in source pixels.</summary>
    public const int MaxStillStep = 2;

    /// <summary>Plans the crop of <paramref name="timeline"/> from each take's subject track, or each shot's <paramref name="statistics"/> without one.</summary>
    public static MobileCrop Plan(Timeline timeline, IReadOnlyList<ClipStatistics> statistics)
    {
        var size = timeline.Size;
        var cropWidth = Math.Min(size.Width, (int)Math.Round(size.Height * 9.0 / 16 / 2) * 2);
        // A height that divides into 9:16 exactly in whole, even pixels (a multiple of 32), never upscaled.
        var outputHeight = Math.Max(32, size.Height / 32 * 32);
        var outputWidth = outputHeight * 9 / 16;
        var windows = timeline.Entries.Select((e, i) =>
        {
            if (e.Selection.Selected.Subject is { Boxes.Count: > 0 } track)
            {
                var scaled = track.FittedTo(size.Width, size.Height);
                var boxes = Enumerable.Range(0, e.Frames).Select(scaled.At).ToList();
                var knots = Follow(boxes, cropWidth, size.Width, timeline.Fps);
                return new CropWindow(e.Shot.Name, CropBasis.SubjectBox, Segments(e, knots)) { Subject = boxes };
            }

            var x = Salient(statistics[i].ColumnEnergy, e.Shot, cropWidth, size.Width);
            return new CropWindow(e.Shot.Name, CropBasis.Saliency, Segments(e, [(0, x)]));
        }).ToList();
        return new MobileCrop(cropWidth, size.Height, outputWidth, outputHeight, windows);
    }

    /// <summary>True when a window at <paramref name="x"/> holds <paramref name="box"/>: the whole box, or, for a box wider than the window, only box.</summary>
    public bool Holds(PixelBox box, int x)
    {
        const double Tolerance = 0.01;
        return (x <= box.Left + Tolerance && x + CropWidth >= box.Right - Tolerance)
            || (box.Width > CropWidth && x >= box.Left - Tolerance && x + CropWidth <= box.Right + Tolerance);
    }

    /// <summary>QA11: the share (0..1) of <paramref name="window"/>'s frames that hold the subject; null when no box is known.</summary>
    public double? SubjectInside(CropWindow window)
    {
        if (window.Subject is not { } boxes)
        {
            return null;
        }

        var x = window.X;
        return (double)Enumerable.Range(0, x.Count).Count(n => Holds(boxes[n], x[n])) / Math.Max(1, x.Count);
    }

    /// <summary>QA11 of every shot whose subject box is known, in % of its frames.</summary>
    public IReadOnlyList<QaResult> SubjectQa() =>
        Windows.Where(w => w.Subject is not null).Select(w => new QaResult(QaMetrics.SubjectInCrop, w.Shot, Math.Round(SubjectInside(w)!.Value * 100, 2), "finishing")).ToList();

    /// <summary>
    /// The crop filter: the window's x in the timeline frame number, a sum of pieces each switched on
    /// for its frames. The sum is a balanced tree of pairs: FFmpeg's expression parser refuses a flat
    /// chain or a nesting of more than about ninety terms, and a film can have more pieces than that.
    /// </summary>
    public string Filter(Timeline timeline)
    {
        var pieces = Windows.SelectMany(w => w.Path).Select(p => $"between(n\\,{p.Start}\\,{p.End - 1})*{p.Expression}").ToList();
        return $"crop=w={CropWidth}:h={CropHeight}:x={Sum(pieces, 0, pieces.Count)}:y=0,scale={OutputWidth}:{OutputHeight}:flags=lanczos,setsar=1";
    }

    /// <summary>One line per shot for the settings log and the report.</summary>
    public string Describe(CropWindow window)
    {
        var x = window.X;
        var inside = SubjectInside(window) is { } share ? $", subject inside {(share * 100).ToString("0.#", CultureInfo.InvariantCulture)}% of frames" : string.Empty;
        var path = x.Min() == x.Max() ? $"x={x[0]} (still)" : $"x={x[0]}→{x[^1]} (range {x.Min()}–{x.Max()}, at most {window.MaxStep} px a frame)";
        return $"{window.Shot}: {path}, by {(window.Basis == CropBasis.SubjectBox ? "the subject box" : "saliency")}{inside}";
    }

    // The window's knots (frame of the shot, left edge): one still position when one holds the subject in
    // every frame; otherwise knots every half second on a smoothed track, more where a straight piece
    // between two would let the subject out.
    private static List<(int Frame, double X)> Follow(IReadOnlyList<PixelBox> boxes, int cropWidth, int frameWidth, int fps)
    {
        var f = boxes.Count;
        double max = frameWidth - cropWidth;
        var lo = new double[f];
        var hi = new double[f];
        var want = new double[f];
        for (var n = 0; n < f; n++)
        {
            var b = boxes[n];
            var centred = Math.Clamp(((b.Left + b.Right) / 2) - (cropWidth / 2.0), 0, max);
            (lo[n], hi[n]) = b.Width + Margin > cropWidth
                ? (centred, centred)
                : (Math.Clamp(b.Right + Margin - cropWidth, 0, max), Math.Clamp(b.Left, 0, max));
            if (lo[n] > hi[n])
            {
                (lo[n], hi[n]) = (centred, centred);
            }

            want[n] = Math.Clamp(centred, lo[n], hi[n]);
        }

        double low = lo.Max(), high = hi.Min();
        if (low <= high)
        {
            // The subject stays within one window: hold it, centred on the subject's mean place.
            return [(0, Math.Round(Math.Clamp(want.Average(), low, high), 3))];
        }

        // Two passes of a one-second mean: a triangular kernel, so the window speeds up and slows down.
        var smooth = MeanFilter(MeanFilter(want, fps / 2), fps / 2);
        double Fit(int n) => Math.Round(Math.Clamp(smooth[n], lo[n], hi[n]), 3);
        var step = Math.Max(1, fps / 2);
        var knots = Enumerable.Range(0, ((f - 1) / step) + 1).Select(k => k * step).Append(f - 1).Distinct().Select(n => (Frame: n, X: Fit(n))).ToList();
        for (var round = 0; round < f; round++)
        {
            // Knots sit on a thousandth of a pixel (what the expression writes), so a piece may pass its
            // bounds by that much; the even floor and the margin absorb it.
            var outside = -1;
            for (var n = 0; n < f && outside < 0; n++)
            {
                var x = Between(knots, n);
                if ((x < lo[n] - 1e-3 || x > hi[n] + 1e-3) && knots.All(k => k.Frame != n))
                {
                    outside = n;
                }
            }

            if (outside < 0)
            {
                break;
            }

            knots.Add((outside, Fit(outside)));
            knots.Sort((a, b) => a.Frame.CompareTo(b.Frame));
        }

        return knots;
    }

    private static string Sum(List<string> terms, int from, int to) => (to - from) switch
    {
        0 => "0",
        1 => terms[from],
        _ => $"({Sum(terms, from, (from + to) / 2)}+{Sum(terms, (from + to) / 2, to)})",
    };

    private static double Between(List<(int Frame, double X)> knots, int n)
    {
        var j = knots.FindLastIndex(k => k.Frame <= n);
        if (j == knots.Count - 1)
        {
            return knots[j].X;
        }

        var (a, b) = (knots[j], knots[j + 1]);
        return a.X + ((n - a.Frame) * (b.X - a.X) / (b.Frame - a.Frame));
    }

    private static double[] MeanFilter(double[] values, int half)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            int from = Math.Max(0, i - half), to = Math.Min(values.Length - 1, i + half);
            var sum = 0.0;
            for (var j = from; j <= to; j++)
            {
                sum += values[j];
            }

            result[i] = sum / (to - from + 1);
        }

        return result;
    }

    private static List<CropSegment> Segments(TimelineEntry entry, List<(int Frame, double X)> knots)
    {
        var segments = new List<CropSegment>();
        for (var j = 0; j < knots.Count; j++)
        {
            var start = entry.StartFrame + knots[j].Frame;
            var end = j + 1 < knots.Count - 1 ? entry.StartFrame + knots[j + 1].Frame : entry.StartFrame + entry.Frames;
            var slope = j + 1 < knots.Count ? Math.Round((knots[j + 1].X - knots[j].X) / (knots[j + 1].Frame - knots[j].Frame), 6) : 0;
            segments.Add(new CropSegment(start, end, knots[j].X, slope));
            if (end == entry.StartFrame + entry.Frames)
            {
                break;
            }
        }

        return segments;
    }

    // The window with the most detail, each column's detail counted up to twice as much where the shot
    // type frames its subject: a bias that breaks near-ties (a set's busy window against a quiet face), not a rule.
    private static double Salient(IReadOnlyList<double> energy, Shot shot, int cropWidth, int frameWidth)
    {
        var centre = ShotTypes.SubjectCentre(shot.Gaze);
        var spread = shot.Spec.SubjectSpread;
        var weighted = energy.Select((e, x) =>
        {
            var u = ((x + 0.5) / energy.Count) - centre;
            return e * (1 + Math.Exp(-0.5 * u * u / (spread * spread)));
        }).ToList();
        var span = Math.Max(1, (int)Math.Round(energy.Count * (double)cropWidth / frameWidth));
        var best = 0;
        var bestSum = double.MinValue;
        for (var start = 0; start + span <= weighted.Count; start++)
        {
            // Ties go to the window nearest the composition's centre.
            var sum = weighted.Skip(start).Take(span).Sum() - (Math.Abs(((start + (span / 2.0)) / energy.Count) - centre) * 1e-9);
            if (sum > bestSum)
            {
                bestSum = sum;
                best = start;
            }
        }

        return Math.Clamp((double)best / energy.Count * frameWidth, 0, frameWidth - cropWidth);
    }
}
