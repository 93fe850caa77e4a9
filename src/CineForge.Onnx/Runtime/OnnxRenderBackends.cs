using CineForge.Onnx.Depth;
using CineForge.Onnx.Pipeline;
using CineForge.Runtime;
using CineForge.Runtime.Stages.Animate;

namespace CineForge.Onnx.Runtime;

/// <summary>
/// The render backends of a model folder: Stable Diffusion keyframes and img2img, and the depth
/// parallax animator when <c>DIR/depth/model.onnx</c> exists (the previz animator otherwise, with a
/// notice). The folder is checked before any session is created. Dispose after the render: it owns
/// the ONNX Runtime sessions.
/// </summary>
public sealed class OnnxRenderBackends : IDisposable
{
    private readonly StableDiffusionPipeline pipeline;
    private readonly DepthEstimator? depth;

    private OnnxRenderBackends(StableDiffusionPipeline pipeline, DepthEstimator? depth, RenderBackends backends)
    {
        this.pipeline = pipeline;
        this.depth = depth;
        Backends = backends;
    }

    /// <summary>What the renderer uses.</summary>
    public RenderBackends Backends { get; }

    /// <summary>"CUDA" or "CPU".</summary>
    public string Provider => pipeline.Provider;

    /// <summary>The model folder (full path), with its architecture and precision: "/models/sd15 (SD 1.x/2.x, float16)".</summary>
    public string Folder => $"{pipeline.Folder.Root} ({(pipeline.Folder.Architecture == Models.ModelArchitecture.StableDiffusionXL ? "SDXL" : "SD 1.x/2.x")}, {pipeline.Folder.Precision.ToString().ToLowerInvariant()})";

    /// <summary>Opens <paramref name="modelDirectory"/>.</summary>
    /// <exception cref="ModelFolderException">The folder is incomplete or inconsistent.</exception>
    public static OnnxRenderBackends Open(string modelDirectory, OnnxBackendOptions? options = null)
    {
        options ??= new OnnxBackendOptions();
        var pipeline = StableDiffusionPipeline.Open(modelDirectory, options);
        try
        {
            var depth = DepthEstimator.TryOpen(modelDirectory, options with { Notice = null });
            if (depth is null)
            {
                options.Notice?.Invoke($"No depth model in {Path.Combine(modelDirectory, "depth")}: camera moves use the previz animator (no parallax).");
            }

            var generator = new OnnxKeyframeGenerator(pipeline, new SubjectLocator(depth), options.Notice);
            IAnimator animator = depth is null ? new PrevizAnimator() : new DepthParallaxAnimator(depth);
            return new OnnxRenderBackends(pipeline, depth, new RenderBackends(generator, new OnnxImageRefiner(pipeline), animator));
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        depth?.Dispose();
        pipeline.Dispose();
    }
}
