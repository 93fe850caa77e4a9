using CineForge.Onnx.Depth;
using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Onnx.Runtime;

/// <summary>
/// The runtime's image-to-video seam with depth: the keyframe's depth is estimated once, then each
/// frame of the planned camera path is a 2.5D reprojection (<see cref="ParallaxRenderer"/>) whose
/// parallax grows with the plan's motion strength, with the same monochrome grain as the previz
/// animator. Frames are rendered one at a time into one reused buffer.
/// </summary>
public sealed class DepthParallaxAnimator(DepthEstimator depth) : IAnimator
{
    /// <summary>Parallax strength at motion strength 1: near things travel this much farther than the subject plane.</summary>
    public const double ParallaxPerMotion = 0.6;

    /// <inheritdoc />
    public BackendIdentity Identity { get; } = new("depth-parallax", "1", [ModelFolderHash(depth.ModelPath)]);

    /// <inheritdoc />
    public void Animate(KeyframeImage keyframe, AnimationRequest request, Action<AnimatedFrame> sink, CancellationToken cancellationToken)
    {
        var path = request.Path;
        if (path.Width != keyframe.FrameWidth || path.Height != keyframe.FrameHeight)
        {
            throw new ArgumentException($"Camera path is {path.Width}x{path.Height}; keyframe frame is {keyframe.FrameWidth}x{keyframe.FrameHeight}.", nameof(request));
        }

        var picture = new RgbImage(keyframe.Image.Width, keyframe.Image.Height, keyframe.Image.Pixels);
        var renderer = new ParallaxRenderer(picture, depth.Estimate(picture), ParallaxPerMotion * path.Motion);
        var output = new RgbImage(path.Width, path.Height);
        var grain = request.Grain * PrevizAnimator.GrainCodeValues;
        for (var i = 0; i < path.Frames; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var view = path[i];
            renderer.Render(new ParallaxView(view.Zoom, view.OffsetX, view.OffsetY), path.Width, path.Height, output.Pixels);
            AddGrain(output, grain, SeededRandom.Mix(((ulong)request.Seed * 0x9E3779B97F4A7C15UL) ^ (ulong)i));
            sink(new AnimatedFrame(i, output, PrevizAnimator.ToOutput(keyframe, view)));
        }
    }

    private static string ModelFolderHash(string path) => $"depth/model.onnx={Models.ModelFolder.Sha256(path)}";

    // Monochrome grain per pixel from a counter-based hash: depends on the frame, the pixel and the seed only.
    private static void AddGrain(RgbImage frame, double grain, ulong salt)
    {
        if (grain <= 0)
        {
            return;
        }

        var pixels = frame.Pixels;
        Parallel.For(0, frame.Height, y =>
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var bits = SeededRandom.Mix(salt ^ (((ulong)(uint)y << 32) | (uint)x));
                var noise = ((((bits & 0xFFFF) + ((bits >> 16) & 0xFFFF)) / 65535.0) - 1) * grain;
                var o = ((y * frame.Width) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    var v = pixels[o + c] + noise;
                    pixels[o + c] = (byte)(v <= 0 ? 0 : v >= 255 ? 255 : (int)(v + 0.5));
                }
            }
        });
    }
}
