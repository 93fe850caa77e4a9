using CineForge.Onnx.Tests.Models;
using DataType = Onnx.TensorProto.Types.DataType;

namespace CineForge.Onnx.Tests.Video;

/// <summary>
/// A Stable Video Diffusion folder (DIR/svd) of tiny graphs with SVD's real names, ranks and dtypes
/// whose arithmetic tools/diffusers_reference.py follows: the image encoder gives 0.125 everywhere
/// (width 4); the VAE encoder gives, per latent channel k, the 8x8-block mean of the frame times
/// (k + 1) / 4; the UNet gives 0.5 x + 0.25 image latent + 0.01 t + 0.001 sum(added_time_ids) +
/// mean(image embedding) per frame; the temporal decoder paints the mean of the four channels / 64.
/// </summary>
public static class TinySvd
{
    public const int Embedding = 4;

    public static void Write(string modelDirectory, int frames = 5, string? breakInput = null, int unetChannels = 8)
    {
        var root = Path.Combine(modelDirectory, "svd");
        Directory.CreateDirectory(Path.Combine(root, "scheduler"));
        File.WriteAllText(Path.Combine(root, "model_index.json"), """{"_class_name": "StableVideoDiffusionPipeline"}""");
        File.WriteAllText(Path.Combine(root, "scheduler", "scheduler_config.json"), """{"_class_name": "EulerDiscreteScheduler", "beta_schedule": "scaled_linear", "prediction_type": "v_prediction", "use_karras_sigmas": true, "sigma_min": 0.002, "sigma_max": 700.0, "timestep_spacing": "leading", "timestep_type": "continuous", "interpolation_type": "linear", "steps_offset": 1}""");
        string Name(string n) => n == breakInput ? n + "_renamed" : n;

        var image = new TinyOnnx()
            .Input(Name("pixel_values"), DataType.Float, "batch", 3, 224, 224)
            .Output("image_embeds", DataType.Float, "batch", Embedding);
        var pooled = image.Node("ReduceMean", [Name("pixel_values")], null, ("axes", new[] { 2L, 3L }), ("keepdims", 0L));
        image.Node("Add", [image.Node("MatMul", [pooled, image.Weights(new float[3 * Embedding], [3, Embedding])]), image.Weights(Enumerable.Repeat(0.125f, Embedding).ToArray(), [Embedding])], "image_embeds");
        image.Save(Path.Combine(root, "image_encoder", "model.onnx"));

        var encoder = new TinyOnnx()
            .Input("sample", DataType.Float, "batch", 3, "pixel_height", "pixel_width")
            .Output("latent_sample", DataType.Float, "batch", 4, "height", "width");
        var weights = new float[4 * 3 * 64];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (i / 192 + 1) / 4f / 192f;
        }

        encoder.Node("Conv", ["sample", encoder.Weights(weights, [4, 3, 8, 8])], "latent_sample", ("strides", new[] { 8L, 8L }));
        encoder.Save(Path.Combine(root, "vae_encoder", "model.onnx"));

        var unet = new TinyOnnx()
            .Input(Name("sample"), DataType.Float, "batch", frames, unetChannels, "height", "width")
            .Input("timestep", DataType.Float, 1)
            .Input("encoder_hidden_states", DataType.Float, "batch", 1, Embedding)
            .Input(Name("added_time_ids"), DataType.Float, "batch", 3)
            .Output("out_sample", DataType.Float, "batch", frames, 4, "height", "width");
        var x = unet.Node("Slice", [Name("sample"), unet.Int64s(0), unet.Int64s(4), unet.Int64s(2)]);
        var latent = unet.Node("Slice", [Name("sample"), unet.Int64s(4), unet.Int64s(8), unet.Int64s(2)]);
        var main = unet.Node("Add", [unet.Node("Mul", [x, unet.Scalar(0.5f)]), unet.Node("Mul", [latent, unet.Scalar(0.25f)])]);
        var ids = unet.Node("Mul", [unet.Node("ReduceSum", [Name("added_time_ids"), unet.Int64s(1)], null, ("keepdims", 1L)), unet.Scalar(0.001f)]);
        var time = unet.Node("Mul", ["timestep", unet.Scalar(0.01f)]);
        var emb = unet.Node("ReduceMean", ["encoder_hidden_states"], null, ("axes", new[] { 1L, 2L }), ("keepdims", 1L));
        var bias = unet.Node("Add", [unet.Node("Unsqueeze", [unet.Node("Add", [time, ids]), unet.Int64s(2)]), emb]);
        unet.Node("Add", [main, unet.Node("Unsqueeze", [bias, unet.Int64s(3, 4)])], "out_sample");
        unet.Save(Path.Combine(root, "unet", "model.onnx"));

        ReferenceDecoder.Write(Path.Combine(root, "vae_decoder", "model.onnx"), "frames", numFrames: true);
    }
}
