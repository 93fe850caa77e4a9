using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Tests.Models;

namespace CineForge.Onnx.Tests.Pipeline;

/// <summary>The whole path on the CPU provider, over tiny models with the real input and output names.</summary>
public sealed class StableDiffusionPipelineTests : IDisposable
{
    private static readonly ImageRequest Request = new("hello world", string.Empty, 64, 48, 4, 7.5, 42);

    private readonly TempFolder temp = new();
    private readonly List<string> notices = [];

    public void Dispose() => temp.Dispose();

    [Fact]
    public void TextToImage_DrawsTheRequestedSize()
    {
        using var pipeline = Open();

        var result = pipeline.TextToImage(Request);

        Assert.Equal(64, result.Image.Width);
        Assert.Equal(48, result.Image.Height);
        Assert.Equal(4, result.StepsRun);
        Assert.True(result.Image.Pixels.Distinct().Count() > 16, "the picture should not be flat");
    }

    [Fact]
    public void AutoDevice_WithoutCuda_FallsBackToCpuWithOneNotice()
    {
        using var pipeline = Open(device: ExecutionDevice.Auto);

        Assert.Equal("CPU", pipeline.Provider);
        var line = Assert.Single(notices);
        Assert.StartsWith("CUDA execution provider unavailable", line);
        Assert.EndsWith("running on the CPU.", line);
    }

    [Fact]
    public void CudaDevice_WithoutCuda_Throws()
    {
        TinyStableDiffusion.Write(temp.Path);

        Assert.Throws<InvalidOperationException>(() => StableDiffusionPipeline.Open(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cuda)));
    }

    [Fact]
    public void SameSeed_SameBytes_AcrossPipelines()
    {
        byte[] first;
        using (var pipeline = Open())
        {
            first = pipeline.TextToImage(Request).Image.Pixels;
            Assert.Equal(first, pipeline.TextToImage(Request).Image.Pixels);
        }

        using var again = Open();
        Assert.Equal(first, again.TextToImage(Request).Image.Pixels);
        Assert.NotEqual(first, again.TextToImage(Request with { Seed = 43 }).Image.Pixels);
    }

    [Fact]
    public void Sessions_AreCreatedOnceAndReused()
    {
        using var pipeline = Open();
        pipeline.TextToImage(Request);
        var afterFirst = pipeline.SessionsCreated;
        pipeline.TextToImage(Request with { Prompt = "world", Seed = 1 });
        pipeline.ImageToImage(Request, pipeline.TextToImage(Request).Image, 0.5);
        pipeline.ImageToImage(Request, pipeline.TextToImage(Request).Image, 0.5);

        Assert.Equal(3, afterFirst);
        Assert.Equal(4, pipeline.SessionsCreated);
    }

    [Fact]
    public void GuidanceWithNegativeEqualToPrompt_EqualsTheUnguidedImage()
    {
        // e_u + g (e_c - e_u) = e_c when both halves see the same text: checks the batch and the formula.
        using var pipeline = Open();

        var guided = pipeline.TextToImage(Request with { NegativePrompt = "hello world" });
        var unguided = pipeline.TextToImage(Request with { GuidanceScale = 1 });

        Assert.Equal(unguided.Image.Pixels, guided.Image.Pixels);
    }

    [Fact]
    public void Guidance_PushesAwayFromTheNegativePrompt()
    {
        using var pipeline = Open();

        var forward = pipeline.TextToImage(Request with { Prompt = "hello", NegativePrompt = "world" });
        var swapped = pipeline.TextToImage(Request with { Prompt = "world", NegativePrompt = "hello" });
        var stronger = pipeline.TextToImage(Request with { Prompt = "hello", NegativePrompt = "world", GuidanceScale = 12 });

        Assert.NotEqual(forward.Image.Pixels, swapped.Image.Pixels);
        Assert.NotEqual(forward.Image.Pixels, stronger.Image.Pixels);
    }

    [Fact]
    public void Float16Folder_DrawsCloseToFloat32()
    {
        using var fp32 = Open();
        using var halfFolder = new TempFolder();
        TinyStableDiffusion.Write(halfFolder.Path, new TinyModelOptions { Float16 = true });
        using var fp16 = StableDiffusionPipeline.Open(halfFolder.Path, new OnnxBackendOptions(ExecutionDevice.Cpu));

        var a = fp32.TextToImage(Request).Image.Pixels;
        var b = fp16.TextToImage(Request).Image.Pixels;

        Assert.InRange(a.Zip(b, (x, y) => Math.Abs(x - y)).Average(), 0, 2.0);
        Assert.Equal(b, fp16.TextToImage(Request).Image.Pixels);
    }

    [Fact]
    public void FloatTimestepExport_Runs()
    {
        using var pipeline = Open(new TinyModelOptions { FloatTimestep = true });

        Assert.Equal(64 * 48 * 3, pipeline.TextToImage(Request).Image.Pixels.Length);
    }

    [Fact]
    public void XlFolder_RunsWithPooledEmbeddingsAndTimeIds()
    {
        using var pipeline = Open(new TinyModelOptions { Xl = true });

        var image = pipeline.TextToImage(Request).Image.Pixels;

        Assert.Equal(image, pipeline.TextToImage(Request).Image.Pixels);
        Assert.NotEqual(image, pipeline.TextToImage(Request with { Prompt = "world" }).Image.Pixels);
    }

    [Theory]
    [InlineData(4, 0.5, 2)]
    [InlineData(4, 1.0, 4)]
    [InlineData(10, 0.35, 3)]
    public void ImageToImage_RunsIntOfStepsTimesStrength(int steps, double strength, int run)
    {
        using var pipeline = Open();
        var source = pipeline.TextToImage(Request).Image;

        var result = pipeline.ImageToImage(Request with { Steps = steps, Seed = 7 }, source, strength);

        Assert.Equal(run, result.StepsRun);
        Assert.Equal(result.Image.Pixels, pipeline.ImageToImage(Request with { Steps = steps, Seed = 7 }, source, strength).Image.Pixels);
        Assert.NotEqual(source.Pixels, result.Image.Pixels);
    }

    [Fact]
    public void ImageToImage_TooWeakToRunAStep_ReturnsTheSource()
    {
        using var pipeline = Open();
        var source = pipeline.TextToImage(Request).Image;

        var result = pipeline.ImageToImage(Request, source, 0.2);

        Assert.Equal(0, result.StepsRun);
        Assert.Same(source, result.Image);
    }

    [Fact]
    public void ImageToImage_WithMeanAndLogVarianceEncoder_SamplesDeterministically()
    {
        using var pipeline = Open(new TinyModelOptions { LatentParameters = true });
        var source = pipeline.TextToImage(Request).Image;

        var a = pipeline.ImageToImage(Request, source, 0.75).Image.Pixels;

        Assert.Equal(a, pipeline.ImageToImage(Request, source, 0.75).Image.Pixels);
        Assert.NotEqual(a, pipeline.ImageToImage(Request with { Seed = 8 }, source, 0.75).Image.Pixels);
    }

    [Fact]
    public void ImageToImage_WithoutVaeEncoder_NamesTheMissingFile()
    {
        using var pipeline = Open(new TinyModelOptions { VaeEncoder = false });
        var source = pipeline.TextToImage(Request).Image;

        var error = Assert.Throws<ModelFolderException>(() => pipeline.ImageToImage(Request, source, 0.5));

        Assert.Equal(temp.Combine("vae_encoder", "model.onnx"), error.Path);
    }

    [Fact]
    public void LongPrompt_IsReportedNotSilentlyCut()
    {
        using var pipeline = Open();
        var prompt = string.Join(' ', Enumerable.Repeat("hello", 80));

        var result = pipeline.TextToImage(Request with { Prompt = prompt });

        var line = Assert.Single(result.Notices);
        Assert.Contains("80 tokens", line);
        Assert.Contains(line, notices);
    }

    [Theory]
    [InlineData(60, 48)]
    [InlineData(64, 0)]
    public void SizeNotAMultipleOf8_Throws(int width, int height)
    {
        using var pipeline = Open();

        Assert.Throws<ArgumentException>(() => pipeline.TextToImage(Request with { Width = width, Height = height }));
    }

    [Fact]
    public void BrokenFolder_FailsBeforeAnySession()
    {
        TinyStableDiffusion.Write(temp.Path);
        File.Delete(temp.Combine("unet", "model.onnx_data"));

        var error = Assert.Throws<ModelFolderException>(() => StableDiffusionPipeline.Open(temp.Path));

        Assert.EndsWith("model.onnx_data", error.Path);
    }

    private StableDiffusionPipeline Open(TinyModelOptions? options = null, ExecutionDevice device = ExecutionDevice.Cpu)
    {
        TinyStableDiffusion.Write(temp.Path, options);
        return StableDiffusionPipeline.Open(temp.Path, new OnnxBackendOptions(device, Notice: notices.Add));
    }
}
