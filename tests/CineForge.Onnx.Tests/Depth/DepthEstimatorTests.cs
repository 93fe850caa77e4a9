using CineForge.Onnx.Depth;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Tests.Models;
using CineForge.Runtime.Imaging;
using DataType = global::Onnx.TensorProto.Types.DataType;

namespace CineForge.Onnx.Tests.Depth;

public sealed class DepthEstimatorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void NoDepthFolder_ReturnsNull()
    {
        Assert.Null(DepthEstimator.TryOpen(temp.Path));
    }

    [Fact]
    public void BrighterIsNearerModel_GivesNormalizedNearnessAtPictureSize()
    {
        // A tiny stand-in for Depth Anything: "pixel_values" [1,3,h,w] → "predicted_depth" [1,h,w], the channel mean.
        var graph = new TinyOnnx()
            .Input("pixel_values", DataType.Float, 1, 3, "height", "width")
            .Output("predicted_depth", DataType.Float, 1, "height", "width");
        graph.Node("ReduceMean", ["pixel_values"], "predicted_depth", ("axes", new[] { 1L }), ("keepdims", 0L));
        graph.Save(temp.Combine("depth", "model.onnx"));
        using var estimator = DepthEstimator.TryOpen(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu))!;
        var rgb = new byte[40 * 30 * 3];
        for (var x = 0; x < 40; x++)
        {
            for (var y = 0; y < 30; y++)
            {
                var v = (byte)(x * 6);
                rgb[((y * 40) + x) * 3] = rgb[(((y * 40) + x) * 3) + 1] = rgb[(((y * 40) + x) * 3) + 2] = v;
            }
        }

        var depth = estimator.Estimate(new RgbImage(40, 30, rgb));

        Assert.Equal(40, depth.Width);
        Assert.Equal(30, depth.Height);
        Assert.Equal(0f, depth.Nearness.Min());
        Assert.Equal(1f, depth.Nearness.Max());
        Assert.True(depth.Nearness[(15 * 40) + 5] < depth.Nearness[(15 * 40) + 30]);
    }

    [Fact]
    public void ModelWithoutImageInput_NamesTheFile()
    {
        new TinyOnnx()
            .Input("tokens", DataType.Int64, 1, 77)
            .Output("depth", DataType.Float, 1, 8, 8)
            .Save(temp.Combine("depth", "model.onnx"));

        var error = Assert.Throws<ModelFolderException>(() => DepthEstimator.TryOpen(temp.Path));

        Assert.Equal(temp.Combine("depth", "model.onnx"), error.Path);
    }
}
