using CineForge.Onnx.Depth;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Runtime;
using CineForge.Onnx.Tests.Models;
using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using DataType = global::Onnx.TensorProto.Types.DataType;

namespace CineForge.Onnx.Tests.Runtime;

/// <summary>The runtime's backend seams on the tiny models, CPU provider.</summary>
public sealed class OnnxRenderBackendsTests : IDisposable
{
    private static readonly ScenePlan Scene = new(64, 48, ShotType.TightPortrait, "a bottle of serum", TimeOfDay.Dawn, Weather.Clear, LightDirection.Left, [new Rgb(0.9, 0.8, 0.7)], [], null, GazeAxis.Left, false, 7);
    private static readonly KeyframeRequest Request = new(Scene, "hello world | negative: a 42", KeyframeSettings.Default with { Steps = 4 }, 11);

    private readonly TempFolder temp = new();
    private readonly List<string> notices = [];

    public OnnxRenderBackendsTests() => TinyStableDiffusion.Write(temp.Path);

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("warm light | negative: plastic skin", "warm light", "plastic skin")]
    [InlineData("warm light", "warm light", "")]
    public void SplitPrompt_SeparatesTheRuntimesNegative(string prompt, string positive, string negative)
    {
        Assert.Equal((positive, negative), OnnxKeyframeGenerator.SplitPrompt(prompt));
    }

    [Theory]
    [InlineData(1904, 968, 1920, 1024)]
    [InlineData(64, 64, 64, 64)]
    [InlineData(80, 60, 128, 64)]
    public void DrawingSize_RoundsUpToTheUnetGrid(int width, int height, int drawWidth, int drawHeight)
    {
        Assert.Equal((drawWidth, drawHeight), OnnxKeyframeGenerator.DrawingSize(width, height));
    }

    [Fact]
    public void Keyframe_IsTheCanvasWithOverscanAndIsReproducible()
    {
        using var backends = Open();
        var generator = backends.Backends.Keyframes;

        var keyframe = generator.Generate(Request, default);

        Assert.Equal(KeyframeImage.CanvasSize(64, 48), (keyframe.Image.Width, keyframe.Image.Height));
        Assert.Equal((64, 48), (keyframe.FrameWidth, keyframe.FrameHeight));
        Assert.Equal(keyframe.Image.Pixels, generator.Generate(Request, default).Image.Pixels);
        Assert.NotEqual(keyframe.Image.Pixels, generator.Generate(Request with { DetailSeed = 12 }, default).Image.Pixels);
        Assert.StartsWith("onnx-sd", generator.Identity.Id, StringComparison.Ordinal);
        Assert.Contains("cpu", generator.Identity.Version, StringComparison.Ordinal);
        Assert.Contains(generator.Identity.ModelHashes, h => h.StartsWith("unet/model.onnx_data=", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherSampler_IsNoticed()
    {
        using var backends = Open();

        backends.Backends.Keyframes.Generate(Request with { Settings = Request.Settings with { Sampler = Sampler.Euler } }, default);

        Assert.Contains(notices, n => n.Contains("Euler", StringComparison.Ordinal));
    }

    [Fact]
    public void Refine_KeepsSizeAndSubjectAndChangesThePicture()
    {
        using var backends = Open();
        var source = backends.Backends.Keyframes.Generate(Request, default);

        var refined = backends.Backends.Refiner.Refine(source, Request, 0.5, passSeed: 99, default);

        Assert.Equal((source.Image.Width, source.Image.Height), (refined.Image.Width, refined.Image.Height));
        Assert.Equal(source.Subject, refined.Subject);
        Assert.NotEqual(source.Image.Pixels, refined.Image.Pixels);
        Assert.Equal(refined.Image.Pixels, backends.Backends.Refiner.Refine(source, Request, 0.5, passSeed: 99, default).Image.Pixels);
    }

    [Fact]
    public void WithoutDepthModel_UsesThePrevizAnimatorAndSaysSo()
    {
        using var backends = Open();

        Assert.IsType<PrevizAnimator>(backends.Backends.Animator);
        Assert.Contains(notices, n => n.StartsWith("No svd/ or depth/ model", StringComparison.Ordinal));
    }

    [Fact]
    public void WithDepthModel_AnimatesWithParallaxFrameByFrame()
    {
        WriteDepthModel();
        using var backends = Open();
        var keyframe = backends.Backends.Keyframes.Generate(Request, default);
        var path = new CameraPath(Camera.PushIn, 0.6, 12, 24, 64, 48, 7);
        var frames = new List<byte[]>();

        backends.Backends.Animator.Animate(keyframe, new AnimationRequest(path, 24, 0.04, 7), f => frames.Add((byte[])f.Image.Pixels.Clone()), default);

        Assert.IsType<DepthParallaxAnimator>(backends.Backends.Animator);
        Assert.Equal(12, frames.Count);
        Assert.All(frames, f => Assert.Equal(64 * 48 * 3, f.Length));
        Assert.NotEqual(frames[0], frames[^1]);
        var again = new List<byte[]>();
        backends.Backends.Animator.Animate(keyframe, new AnimationRequest(path, 24, 0.04, 7), f => again.Add((byte[])f.Image.Pixels.Clone()), default);
        Assert.Equal(frames, again);
    }

    [Fact]
    public void SubjectLocator_WithDepth_BoxesTheNearestPixels()
    {
        WriteDepthModel();
        using var depth = DepthEstimator.TryOpen(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu))!;
        var canvas = new CineForge.Runtime.Imaging.RgbImage(80, 60);
        for (var y = 20; y < 40; y++)
        {
            for (var x = 50; x < 70; x++)
            {
                canvas.Set(x, y, 255, 255, 255);
            }
        }

        var box = new SubjectLocator(depth).Locate(canvas, 64, 48);

        Assert.InRange(box.Left, 45, 52);
        Assert.InRange(box.Right, 68, 73);
        Assert.InRange(box.Top, 15, 22);
        Assert.InRange(box.Bottom, 38, 45);
    }

    [Fact]
    public void FaceFolder_GivesTheRenderItsRecognizer_NamedByItsModels()
    {
        using (var without = Open())
        {
            Assert.Null(without.Backends.Faces);
        }

        TinyFace.Write(temp.Path);
        using var backends = Open();

        var faces = backends.Backends.Faces!;
        Assert.Equal("onnx-face", faces.Identity.Id);
        Assert.Contains("cpu", faces.Identity.Version, StringComparison.Ordinal);
        Assert.Contains(faces.Identity.ModelHashes, h => h.StartsWith("face/embedding.onnx=", StringComparison.Ordinal));
        Assert.Contains(faces.Identity, CineForge.Runtime.Stages.BackendIdentities.Of(backends.Backends).ToList());
        var bright = new RgbImage(64, 48);
        Array.Fill(bright.Pixels, (byte)230);
        Assert.NotNull(faces.Embed(bright));
        Assert.Null(faces.Embed(new RgbImage(64, 48)));
    }

    [Fact]
    public void BrokenFolder_FailsWhenOpened()
    {
        File.Delete(temp.Combine("unet", "model.onnx"));

        Assert.Throws<ModelFolderException>(() => OnnxRenderBackends.Open(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu)));
    }

    private OnnxRenderBackends Open() => OnnxRenderBackends.Open(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu, Notice: notices.Add));

    // Brighter is nearer: the channel mean as relative inverse depth.
    private void WriteDepthModel()
    {
        var graph = new TinyOnnx()
            .Input("pixel_values", DataType.Float, 1, 3, "height", "width")
            .Output("predicted_depth", DataType.Float, 1, "height", "width");
        graph.Node("ReduceMean", ["pixel_values"], "predicted_depth", ("axes", new[] { 1L }), ("keepdims", 0L));
        graph.Save(temp.Combine("depth", "model.onnx"));
    }
}
