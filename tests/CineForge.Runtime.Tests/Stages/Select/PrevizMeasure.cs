using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>A take drawn and animated by the previz in memory and measured as the animate stage measures it, with no encoder.</summary>
internal static class PrevizMeasure
{
    /// <summary>The keyframe of <paramref name="take"/> at <paramref name="size"/>.</summary>
    public static KeyframeImage Keyframe(Film film, ShotTake take, FrameSize size) =>
        new PrevizKeyframeGenerator().Generate(new KeyframeRequest(ScenePlan.Resolve(film, take, size.Width, size.Height), string.Empty, take.Shot.Keyframe, take.Seed), default);

    /// <summary>The QA context the animate stage gives <paramref name="take"/>'s clip (no CTA window, no palette); its face is held to <paramref name="sheet"/> when given, else to the lead's own sheet, and an object detail's product to the film's product sheet.</summary>
    public static QaContext Context(Film film, ShotTake take, FrameSize size, CharacterLook? sheet = null)
    {
        var scene = ScenePlan.Resolve(film, take, size.Width, size.Height);
        var face = FaceReference.Of(scene);
        return new(take.Shot.Fps, AnimateStage.PathOf(take, size).MeanDisplacement(), null, null, sheet is null ? face : face! with { Look = sheet }, ProductReference.Of(film, take.Shot, scene));
    }

    /// <summary>Animates <paramref name="keyframe"/> with <paramref name="request"/> and measures every frame.</summary>
    public static QaReport Measure(KeyframeImage keyframe, AnimationRequest request, QaContext context)
    {
        var analyzer = new ClipAnalyzer(keyframe.FrameWidth, keyframe.FrameHeight, context);
        var yuv = new YuvFrame(keyframe.FrameWidth, keyframe.FrameHeight);
        new PrevizAnimator().Animate(keyframe, request, frame =>
        {
            yuv.Load(frame.Image);
            analyzer.Add(yuv, frame.Subject, frame.Face);
        }, default);
        return analyzer.Finish();
    }

    /// <summary>Measures <paramref name="take"/> as rendered; see <see cref="Context"/> for <paramref name="sheet"/>.</summary>
    public static QaReport Take(Film film, ShotTake take, FrameSize size, CharacterLook? sheet = null)
    {
        var request = new AnimationRequest(AnimateStage.PathOf(take, size), take.Shot.Fps, AnimateStage.GrainOf(film, take.Shot), take.Seed);
        return Measure(Keyframe(film, take, size), request, Context(film, take, size, sheet));
    }
}
