using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;

namespace CineForge.Runtime.Tests.Stages.Animate;

/// <summary>
/// The animator's fast path (separable blend, cached source rows, vector lanes where the CPU has
/// them) gives exactly the bytes of the plain four-pixel formula, at sizes whose rows are and are
/// not a whole number of vector blocks, for every camera move, up to the keyframe's last pixel.
/// </summary>
public sealed class PrevizAnimatorReferenceTests
{
    public static TheoryData<Camera, int, int> Cases()
    {
        var cases = new TheoryData<Camera, int, int>();
        foreach (var camera in Enum.GetValues<Camera>())
        {
            cases.Add(camera, 384, 216);
            cases.Add(camera, 202, 114);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FastPath_EqualsReferenceFormula(Camera camera, int width, int height)
    {
        var film = TestFilms.CosmeticAd();
        var take = ShotTake.Of(film.Shots[2], 3, 1).Single();
        var keyframe = new PrevizKeyframeGenerator().Generate(new KeyframeRequest(ScenePlan.Resolve(film, take, width, height), string.Empty, take.Shot.Keyframe, take.Seed), default);
        var request = new AnimationRequest(new CameraPath(camera, 0.5, 24, 24, width, height, take.Seed), 24, 0.06, take.Seed);
        var frames = new Dictionary<int, byte[]>();
        new PrevizAnimator().Animate(keyframe, request, frame => frames[frame.Index] = frame.Image.Pixels.ToArray(), default);

        foreach (var index in new[] { 0, 11, 23 })
        {
            var (view, gain, salt) = PrevizAnimator.FrameSettings(request, index);
            var expected = PrevizAnimator.RenderReference(keyframe.Image, width, height, view, gain, request.Grain, salt);
            Assert.True(expected.Pixels.AsSpan().SequenceEqual(frames[index]), $"{camera} {width}x{height} frame {index} differs from the reference formula");
        }
    }

    [Fact]
    public void ViewAtTheKeyframesEdge_EqualsReferenceFormula()
    {
        // A view pushed against the bottom-right corner samples the keyframe's last row and column:
        // where a 16-byte load would run past the image, the fast path must fall back, not read past it.
        var film = TestFilms.CosmeticAd();
        var take = ShotTake.Of(film.Shots[0], 1, 1).Single();
        var keyframe = new PrevizKeyframeGenerator().Generate(new KeyframeRequest(ScenePlan.Resolve(film, take, 202, 114), string.Empty, take.Shot.Keyframe, take.Seed), default);
        var view = new CameraPath.View(1.0, keyframe.Image.Width, keyframe.Image.Height);
        var expected = PrevizAnimator.RenderReference(keyframe.Image, 202, 114, view, 1.0, 0.05, 7);

        var actual = PrevizAnimator.RenderFrame(keyframe.Image, 202, 114, view, 1.0, 0.05, 7);

        Assert.True(expected.Pixels.AsSpan().SequenceEqual(actual.Pixels));
    }
}
