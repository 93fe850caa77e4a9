using CineForge.Onnx.Depth;
using CineForge.Onnx.Face;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Video;
using CineForge.Runtime;
using CineForge.Runtime.Stages.Animate;

namespace CineForge.Onnx.Runtime;

/// <summary>
/// The render backends of a model folder: Stable Diffusion keyframes and img2img; Stable Video
/// Diffusion animates the shots when <c>DIR/svd/</c> holds it, else the depth parallax when
/// <c>DIR/depth/model.onnx</c> exists, else the previz animator (with a notice); with <c>DIR/face/</c>,
/// QA10 reads every cast shot's faces with its recognizer. The folder is checked before any session is created. Dispose after the render: it owns
/// the ONNX Runtime sessions.
/// </summary>
public sealed class OnnxRenderBackends : IDisposable
{
    private readonly StableDiffusionPipeline pipeline;
    private readonly DepthEstimator? depth;
    private readonly StableVideoDiffusionPipeline? video;
    private readonly FaceIdentityMeter? faces;

    private OnnxRenderBackends(StableDiffusionPipeline pipeline, DepthEstimator? depth, StableVideoDiffusionPipeline? video, FaceIdentityMeter? faces, RenderBackends backends)
    {
        this.pipeline = pipeline;
        this.depth = depth;
        this.video = video;
        this.faces = faces;
        Backends = backends;
    }

    /// <summary>What the renderer uses.</summary>
    public RenderBackends Backends { get; }

    /// <summary>"CUDA" or "CPU".</summary>
    public string Provider => pipeline.Provider;

    /// <summary>The model folder (full path), with its architecture and precision: "/models/sd15 (SD 1.x/2.x, float16)".</summary>
    public string Folder => $"{pipeline.Folder.Root} ({(pipeline.Folder.Architecture == Models.ModelArchitecture.StableDiffusionXL ? "SDXL" : "SD 1.x/2.x")}, {pipeline.Folder.Precision.ToString().ToLowerInvariant()})";

    /// <summary>Opens <paramref name="modelDirectory"/>.</summary>
    /// <exception cref="ModelFolderException">The folder is incomplete or inconsistent (its <c>svd/</c> folder included), before any work.</exception>
    public static OnnxRenderBackends Open(string modelDirectory, OnnxBackendOptions? options = null)
    {
        options ??= new OnnxBackendOptions();
        var pipeline = StableDiffusionPipeline.Open(modelDirectory, options);
        DepthEstimator? depth = null;
        StableVideoDiffusionPipeline? video = null;
        FaceIdentityMeter? faces = null;
        try
        {
            // QA10 reads the generated faces with DIR/face/ when it is there; model keyframes record no face box.
            faces = FaceIdentityMeter.TryOpen(modelDirectory, options with { Notice = null });
            // Image-to-video: Stable Video Diffusion when DIR/svd/ holds it, else the depth parallax, else the previz.
            video = SvdFolder.IsPresent(modelDirectory) ? StableVideoDiffusionPipeline.Open(modelDirectory, options with { Notice = null }) : null;
            depth = DepthEstimator.TryOpen(modelDirectory, options with { Notice = null });
            if (video is null && depth is null)
            {
                options.Notice?.Invoke($"No svd/ or depth/ model in {modelDirectory}: camera moves use the previz animator (no generated motion, no parallax).");
            }

            var generator = new OnnxKeyframeGenerator(pipeline, new SubjectLocator(depth), options.Notice);
            IAnimator animator = video is not null ? new SvdAnimator(video) : depth is not null ? new DepthParallaxAnimator(depth) : new PrevizAnimator();
            return new OnnxRenderBackends(pipeline, depth, video, faces, new RenderBackends(generator, new OnnxImageRefiner(pipeline), animator, faces));
        }
        catch
        {
            faces?.Dispose();
            video?.Dispose();
            depth?.Dispose();
            pipeline.Dispose();
            throw;
        }
    }

    /// <summary>"svd", "depth-parallax" or "previz": what animates the shots.</summary>
    public string Animator => Backends.Animator.Identity.Id;

    /// <inheritdoc />
    public void Dispose()
    {
        faces?.Dispose();
        video?.Dispose();
        depth?.Dispose();
        pipeline.Dispose();
    }
}
