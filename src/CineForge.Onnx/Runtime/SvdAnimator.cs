using CineForge.Onnx.Video;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Onnx.Runtime;

/// <summary>
/// The runtime's image-to-video seam on Stable Video Diffusion: the keyframe's frame (its centre,
/// without the overscan the previz moves through) conditions the model; the shot's motion strength
/// becomes <c>motion_bucket_id</c> and <c>noise_aug_strength</c> (<see cref="SvdConditioning.MotionTable"/>);
/// the model's native frames, conditioned on the fps that spans the shot, are blended up to the
/// shot's frames at its frame rate (<see cref="FrameTiming"/>). The model makes the motion, so the
/// planned camera path gives the frame count only; the subject's box is the keyframe's, in output
/// pixels. Same keyframe, seed and motion: the same bytes on one machine and provider.
/// </summary>
public sealed class SvdAnimator(StableVideoDiffusionPipeline pipeline, int steps = SvdAnimator.DefaultSteps) : IAnimator
{
    /// <summary>Denoising steps per clip (diffusers' default for SVD).</summary>
    public const int DefaultSteps = 25;

    /// <inheritdoc />
    public BackendIdentity Identity { get; } = new("svd", "1", [.. SvdComponentHashes(pipeline.Folder), $"steps={steps}"]);

    /// <inheritdoc />
    public void Animate(KeyframeImage keyframe, AnimationRequest request, Action<AnimatedFrame> sink, CancellationToken cancellationToken)
    {
        var path = request.Path;
        int width = keyframe.FrameWidth, height = keyframe.FrameHeight;
        // SVD works on multiples of 8: the frame is sampled down to them and the clip back up.
        int modelWidth = Math.Max(8, width / 8 * 8), modelHeight = Math.Max(8, height / 8 * 8);
        var conditioning = Resize(CentreFrame(keyframe), modelWidth, modelHeight);
        var seconds = path.Frames / (double)Math.Max(1, request.Fps);
        var (bucket, augmentation) = SvdConditioning.ForMotion(path.Motion);
        var video = new VideoRequest(
            Steps: steps,
            Seed: request.Seed,
            Fps: FrameTiming.ConditioningFps(pipeline.Folder.NativeFrames, seconds),
            MotionBucketId: bucket,
            NoiseAugStrength: augmentation);
        var native = pipeline.ImageToVideo(conditioning, video, cancellationToken);
        var subject = PrevizAnimator.ToOutput(keyframe, new CameraPath.View(1, 0, 0));
        var frames = FrameTiming.Resample(native, path.Frames);
        for (var i = 0; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sink(new AnimatedFrame(i, Resize(frames[i], width, height), subject));
        }
    }

    private static IEnumerable<string> SvdComponentHashes(SvdFolder folder) =>
        new[] { folder.ImageEncoder, folder.VaeEncoder, folder.Unet, folder.VaeDecoder }
            .SelectMany(c => c.Files)
            .Select(f => $"svd/{Path.GetRelativePath(folder.Root, f).Replace('\\', '/')}={Models.ModelFolder.Sha256(f)}");

    /// <summary>The output frame at the centre of the overscanned keyframe.</summary>
    private static RgbImage CentreFrame(KeyframeImage keyframe)
    {
        int width = keyframe.FrameWidth, height = keyframe.FrameHeight;
        int left = (keyframe.Image.Width - width) / 2, top = (keyframe.Image.Height - height) / 2;
        var frame = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        {
            Array.Copy(keyframe.Image.Pixels, (((top + y) * keyframe.Image.Width) + left) * 3, frame.Pixels, y * width * 3, width * 3);
        }

        return frame;
    }

    /// <summary>Nearest-neighbour resampling in integers: exact, and the identity at the same size.</summary>
    private static RgbImage Resize(RgbImage image, int width, int height)
    {
        if (image.Width == width && image.Height == height)
        {
            return image;
        }

        var output = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Min(image.Height - 1, ((2 * y) + 1) * image.Height / (2 * height));
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Min(image.Width - 1, ((2 * x) + 1) * image.Width / (2 * width));
                Array.Copy(image.Pixels, ((sy * image.Width) + sx) * 3, output.Pixels, ((y * width) + x) * 3, 3);
            }
        }

        return output;
    }
}
