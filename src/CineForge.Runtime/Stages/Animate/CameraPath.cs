using CineForge.Rules;
using CineForge.Runtime.Determinism;

namespace CineForge.Runtime.Stages.Animate;

/// <summary>
/// The camera's trajectory over a clip, as a view (zoom and centre) into the keyframe per frame.
/// Travel scales with motion strength; progress follows a velocity profile with smooth ramps at
/// both ends and a constant cruise ("sober inertia, readable trajectory"). Positions are real
/// numbers: the animator samples sub-pixel, so nothing rounds to whole pixels as zoompan does.
/// </summary>
public sealed class CameraPath
{
    /// <summary>Zoom gained over a push-in (or lost over a pull-out) at motion strength 1.</summary>
    public const double ZoomPerMotion = 0.25;

    /// <summary>Pan and tilt travel at motion strength 1, as a fraction of the frame width or height.</summary>
    public const double PanPerMotion = 0.2;

    /// <summary>Drift travel at motion strength 1, as a fraction of the frame width: a barely perceptible float.</summary>
    public const double DriftPerMotion = 0.04;

    /// <summary>Share of the clip spent accelerating, and again decelerating.</summary>
    public const double RampShare = 0.25;

    private readonly View[] views;

    /// <summary>Plans the path of <paramref name="camera"/> at <paramref name="motion"/> (0..1) over <paramref name="frames"/> frames of a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public CameraPath(Camera camera, double motion, int frames, double fps, int width, int height, long seed)
    {
        if (frames < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(frames), frames, "A clip needs at least one frame.");
        }

        Camera = camera;
        Motion = motion;
        Width = width;
        Height = height;
        var progress = Progress(frames);
        var random = new SeededRandom(seed, "camera");
        var angle = random.Range(0, 2 * Math.PI);
        var (dirX, dirY) = (DetMath.Cos(angle), DetMath.Sin(angle) * 0.5);
        var sway = (random.Range(0.3, 0.5), random.Range(0.55, 0.8), random.Range(0, 2 * Math.PI));
        var sign = random.Next(2) == 0 ? -1 : 1;
        views = new View[frames];
        for (var i = 0; i < frames; i++)
        {
            var p = progress[i];
            var t = i / fps;
            views[i] = camera switch
            {
                Camera.PushIn => new View(1 + (ZoomPerMotion * motion * p), 0, 0),
                Camera.PullOut => new View(1 + (ZoomPerMotion * motion * (1 - p)), 0, 0),
                Camera.PanLeft => new View(1, PanPerMotion * motion * width * (0.5 - p), 0),
                Camera.PanRight => new View(1, PanPerMotion * motion * width * (p - 0.5), 0),
                Camera.Tracking => new View(1, sign * PanPerMotion * motion * width * (p - 0.5), 0),
                Camera.TiltUp => new View(1, 0, PanPerMotion * motion * height * (0.5 - p)),
                Camera.TiltDown => new View(1, 0, PanPerMotion * motion * height * (p - 0.5)),
                Camera.Drift => new View(1 + (0.2 * ZoomPerMotion * motion * p), DriftPerMotion * motion * width * dirX * (p - 0.5), DriftPerMotion * motion * width * dirY * (p - 0.5)),
                Camera.Handheld => new View(
                    1 + (0.1 * ZoomPerMotion * motion * p),
                    (DriftPerMotion * motion * width * dirX * (p - 0.5)) + (0.01 * motion * width * DetMath.Sin((2 * Math.PI * sway.Item1 * t) + sway.Item3)),
                    0.01 * motion * height * DetMath.Sin((2 * Math.PI * sway.Item2 * t) + (sway.Item3 * 0.7))),
                _ => new View(1, 0, 0),
            };
        }
    }

    private CameraPath(CameraPath source, View[] views)
    {
        Camera = source.Camera;
        Motion = source.Motion;
        Width = source.Width;
        Height = source.Height;
        this.views = views;
    }

    /// <summary>The camera move.</summary>
    public Camera Camera { get; }

    /// <summary>Motion strength (0..1).</summary>
    public double Motion { get; }

    /// <summary>Output frame width.</summary>
    public int Width { get; }

    /// <summary>Output frame height.</summary>
    public int Height { get; }

    /// <summary>Number of frames.</summary>
    public int Frames => views.Length;

    /// <summary>The view of frame <paramref name="index"/>.</summary>
    public View this[int index] => views[index];

    /// <summary>Mean displacement of the picture between consecutive frames, in output pixels: what the plan implies (QA06).</summary>
    public double MeanDisplacement()
    {
        if (views.Length < 2)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 1; i < views.Length; i++)
        {
            sum += Displacement(views[i - 1], views[i], Width, Height);
        }

        return sum / (views.Length - 1);
    }

    /// <summary>Mean over a grid of output points of how far the picture moves from view <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static double Displacement(View a, View b, int width, int height)
    {
        var sum = 0.0;
        var count = 0;
        for (var gy = 1; gy <= 3; gy++)
        {
            for (var gx = 1; gx <= 5; gx++)
            {
                // A point of the keyframe seen at output (x, y) in view a appears at (x', y') in view b.
                double x = (gx / 6.0 * width) - (width / 2.0), y = (gy / 4.0 * height) - (height / 2.0);
                double kx = (x / a.Zoom) + a.OffsetX, ky = (y / a.Zoom) + a.OffsetY;
                double x2 = (kx - b.OffsetX) * b.Zoom, y2 = (ky - b.OffsetY) * b.Zoom;
                sum += Math.Sqrt(((x2 - x) * (x2 - x)) + ((y2 - y) * (y2 - y)));
                count++;
            }
        }

        return sum / count;
    }

    /// <summary>
    /// This path with every view snapped to a whole-pixel crop (whole-pixel size and position), the
    /// way FFmpeg's zoompan renders moves: the jitter the sub-pixel path avoids. Used to show that
    /// the smoothness measurement sees it.
    /// </summary>
    internal CameraPath Snapped() => new(this, views.Select(v =>
    {
        var cropWidth = Math.Round(Width / v.Zoom);
        return new View(Width / cropWidth, Math.Round(v.OffsetX), Math.Round(v.OffsetY));
    }).ToArray());

    private static double[] Progress(int frames)
    {
        // Integrate a velocity that ramps up (smoothstep), cruises, ramps down; normalize to 0..1.
        const int substeps = 16;
        var progress = new double[frames];
        if (frames == 1)
        {
            return progress;
        }

        var total = 0.0;
        var cumulative = new double[frames];
        for (var i = 1; i < frames; i++)
        {
            for (var s = 0; s < substeps; s++)
            {
                var u = (i - 1 + ((s + 0.5) / substeps)) / (frames - 1);
                total += DetMath.SmoothStep(0, RampShare, u) * DetMath.SmoothStep(0, RampShare, 1 - u);
            }

            cumulative[i] = total;
        }

        for (var i = 0; i < frames; i++)
        {
            progress[i] = cumulative[i] / total;
        }

        return progress;
    }

    /// <summary>A view into the keyframe: zoom (1 = one keyframe pixel per output pixel) and the offset of its centre from the keyframe's centre, in keyframe pixels.</summary>
    public readonly record struct View(double Zoom, double OffsetX, double OffsetY);
}
