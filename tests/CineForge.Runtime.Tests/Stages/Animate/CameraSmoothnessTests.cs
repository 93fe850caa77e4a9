using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;
using CineForge.Runtime.Stages.Select.Qa;
using Xunit.Abstractions;

namespace CineForge.Runtime.Tests.Stages.Animate;

/// <summary>
/// Camera moves are measured on the rendered frames, not trusted: the frame-to-frame displacement
/// must follow the planned eased curve without jumps. A whole-pixel version of the same move
/// (what zoompan does) is measured too, to show the check sees jitter when there is some.
/// </summary>
public sealed class CameraSmoothnessTests(ITestOutputHelper output)
{
    private const int Width = 384;
    private const int Height = 216;

    /// <summary>Largest allowed change, between consecutive frame pairs, of the displacement's deviation from the plan, in pixels.</summary>
    private const double MaxJump = 0.05;

    [Theory]
    [InlineData(Camera.PushIn, 0.4)]
    [InlineData(Camera.PanRight, 0.4)]
    [InlineData(Camera.TiltUp, 0.4)]
    [InlineData(Camera.Drift, 0.45)]
    public void SubPixelMove_HasNoFrameToFrameJumps(Camera camera, double motion)
    {
        var measured = Measure(camera, motion, wholePixels: false, out var path);

        var jumps = Jumps(measured, path);
        output.WriteLine($"{camera}: max jump {jumps.Max():0.0000} px, mean displacement {measured.Average():0.000} px, planned {path.MeanDisplacement():0.000} px");
        Assert.True(jumps.Max() < MaxJump, $"{camera}: displacement jumps {jumps.Max():0.000} px between frames");
        Assert.InRange(measured.Average() / path.MeanDisplacement(), 0.8, 1.25);
    }

    [Fact]
    public void WholePixelMove_ShowsJumps()
    {
        var measured = Measure(Camera.PushIn, 0.4, wholePixels: true, out var path);

        var jumps = Jumps(measured, path);
        output.WriteLine($"whole-pixel push-in: max jump {jumps.Max():0.000} px");
        Assert.True(jumps.Max() > 4 * MaxJump);
    }

    [Fact]
    public void PushIn_AcceleratesCruisesAndSettles()
    {
        var path = new CameraPath(Camera.PushIn, 0.4, 96, 24, Width, Height, 5);
        var steps = Enumerable.Range(1, path.Frames - 1).Select(i => CameraPath.Displacement(path[i - 1], path[i], Width, Height)).ToList();

        Assert.True(steps[0] < steps[steps.Count / 2] * 0.1, "the move starts from rest");
        Assert.True(steps[^1] < steps[steps.Count / 2] * 0.1, "the move comes to rest");
        Assert.InRange(steps[steps.Count / 2] / steps[(steps.Count / 2) - 10], 0.98, 1.02);
    }

    /// <summary>Frame-to-frame change of the measured displacement's deviation from the planned one: the planned ease is not a jump.</summary>
    private static List<double> Jumps(IReadOnlyList<double> displacement, CameraPath path)
    {
        var residual = displacement.Select((d, i) => d - CameraPath.Displacement(path[i], path[i + 1], path.Width, path.Height)).ToList();
        return Enumerable.Range(1, residual.Count - 1).Select(i => Math.Abs(residual[i] - residual[i - 1])).ToList();
    }

    private static List<double> Measure(Camera camera, double motion, bool wholePixels, out CameraPath path)
    {
        var film = TestFilms.Short();
        var take = ShotTake.Of(film.Shots[0] with { Camera = camera, Motion = motion, GrainDensity = 0.04 }, 1, 1)[0];
        var keyframe = new PrevizKeyframeGenerator().Generate(new KeyframeRequest(ScenePlan.Resolve(film, take, Width, Height), string.Empty, take.Shot.Keyframe, take.Seed), default);
        path = AnimateStage.PathOf(take, new Rules.FrameSize(Width, Height));
        var estimator = new MotionEstimator(Width, Height);
        var yuv = new YuvFrame(Width, Height);
        var displacement = new List<double>();
        var animated = wholePixels ? WholePixelPath(path) : path;
        new PrevizAnimator().Animate(keyframe, new AnimationRequest(animated, 24, 0.04, take.Seed), frame =>
        {
            yuv.Load(frame.Image);
            if (estimator.Add(yuv) is { } m)
            {
                displacement.Add(m.MeanDisplacement);
            }
        }, default);
        return displacement;
    }

    /// <summary>The same move with the view snapped to whole keyframe pixels and whole-pixel crop sizes, as zoompan renders it.</summary>
    private static CameraPath WholePixelPath(CameraPath path) => path.Snapped();
}
