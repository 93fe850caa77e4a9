using CineForge.Runtime.Imaging;
using CineForge.Onnx.Video;
using CineForge.Onnx.Pipeline;

namespace CineForge.Onnx.Tests.Video;

public sealed class SvdFolderAndMotionTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void LargerMotion_GivesLargerBucketAndAugmentation()
    {
        var previous = SvdConditioning.ForMotion(0.35);
        for (var m = 0.36; m <= 0.5501; m += 0.01)
        {
            var next = SvdConditioning.ForMotion(m);
            Assert.True(next.MotionBucketId > previous.MotionBucketId, $"bucket at {m}");
            Assert.True(next.NoiseAugStrength > previous.NoiseAugStrength, $"augmentation at {m}");
            previous = next;
        }

        Assert.Equal((60, 0.02), SvdConditioning.ForMotion(0.35));
        Assert.Equal((150, 0.05), SvdConditioning.ForMotion(0.55));
        Assert.Equal(SvdConditioning.ForMotion(0.35), SvdConditioning.ForMotion(0.1));
    }

    [Fact]
    public void CompleteFolder_Opens()
    {
        TinySvd.Write(temp.Path);
        var folder = SvdFolder.Open(temp.Path);
        Assert.Equal(5, folder.NativeFrames);
        Assert.Equal(TinySvd.Embedding, folder.EmbeddingWidth);
    }

    [Theory]
    [InlineData("image_encoder")]
    [InlineData("vae_encoder")]
    [InlineData("unet")]
    [InlineData("vae_decoder")]
    public void MissingComponent_NamesTheFile(string component)
    {
        TinySvd.Write(temp.Path);
        File.Delete(temp.Combine("svd", component, "model.onnx"));
        var e = Assert.Throws<ModelFolderException>(() => SvdFolder.Open(temp.Path));
        Assert.Equal(temp.Combine("svd", component, "model.onnx"), e.Path);
    }

    [Theory]
    [InlineData("added_time_ids")]
    [InlineData("pixel_values")]
    public void WrongInputName_NamesTheFile(string input)
    {
        TinySvd.Write(temp.Path, breakInput: input);
        var e = Assert.Throws<ModelFolderException>(() => SvdFolder.Open(temp.Path));
        Assert.Contains(input, e.Message);
        Assert.EndsWith("model.onnx", e.Path);
    }

    [Fact]
    public void WrongLatentWidth_NamesTheUnet()
    {
        TinySvd.Write(temp.Path, unetChannels: 4);
        var e = Assert.Throws<ModelFolderException>(() => SvdFolder.Open(temp.Path));
        Assert.Equal(temp.Combine("svd", "unet", "model.onnx"), e.Path);
    }
}

public sealed class FrameTimingTests
{
    [Fact]
    public void NativeFrames_ReachTheShotDurationAt24Fps()
    {
        var native = Enumerable.Range(0, 14).Select(f => new RgbImage(1, 1, [(byte)(f * 10), 0, 255])).ToArray();
        var count = FrameTiming.OutputFrames(4.0);
        var clip = FrameTiming.Resample(native, count);

        Assert.Equal(96, clip.Count);
        Assert.Equal(native[0].Pixels, clip[0].Pixels);
        Assert.Equal(native[^1].Pixels, clip[^1].Pixels);
        Assert.True(clip.Zip(clip.Skip(1)).All(p => p.Second.Pixels[0] >= p.First.Pixels[0]), "a ramp stays a ramp");
        Assert.Equal(4, FrameTiming.ConditioningFps(14, 3.5));
    }
}
