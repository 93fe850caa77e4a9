using DataType = Onnx.TensorProto.Types.DataType;

namespace CineForge.Onnx.Tests.Models;

/// <summary>The reference tests' VAE decoder, shared by the SD and SVD tiny folders.</summary>
public static class ReferenceDecoder
{
    // A 1x1 convolution with every weight 1/256, each value painted on its 8x8 block.
    public static void Write(string path, string batch = "batch", bool numFrames = false)
    {
        var g = new TinyOnnx()
            .Input("latent_sample", DataType.Float, batch, 4, "height", "width")
            .Output("sample", DataType.Float, batch, 3, "pixel_height", "pixel_width");
        if (numFrames)
        {
            g.Input("num_frames", DataType.Int64, 1);
        }

        var conv = g.Node("Conv", ["latent_sample", g.Weights(Enumerable.Repeat(1f / 256, 192 * 4).ToArray(), [192, 4, 1, 1])]);
        g.Node("DepthToSpace", [conv], "sample", ("blocksize", 8L));
        g.Save(path);
    }
}
