using CineForge.Onnx.Models;
using CineForge.Onnx.Scheduling;
using CineForge.Onnx.Tests.Tokenizer;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace CineForge.Onnx.Tests.Models;

/// <summary>Shape of a tiny Stable Diffusion export: the real names, ranks and dtypes, a few hundred weights.</summary>
public sealed record TinyModelOptions
{
    public bool Float16 { get; init; }

    public bool Xl { get; init; }

    public bool VaeEncoder { get; init; } = true;

    /// <summary>Optimum's VAE encoder output: mean and log-variance (8 channels) instead of a sampled latent.</summary>
    public bool LatentParameters { get; init; }

    public bool FloatTimestep { get; init; }

    public int Hidden { get; init; } = 8;

    /// <summary>Width of the UNet's encoder_hidden_states; equal to <see cref="Hidden"/> unless a mismatch is wanted.</summary>
    public int? UnetHidden { get; init; }

    public int VaeLatentChannels { get; init; } = 4;
}

/// <summary>
/// Writes a complete Stable Diffusion ONNX folder whose models are tiny but real graphs: the text
/// encoder embeds token ids, the UNet mixes sample, text condition and timestep, the VAE decoder
/// upsamples by 8 with DepthToSpace, the encoder downsamples by 8 with a strided convolution.
/// </summary>
public static class TinyStableDiffusion
{
    public const int LatentChannels = 4;

    public static void Write(string root, TinyModelOptions? options = null)
    {
        options ??= new TinyModelOptions();
        var io = options.Float16 ? DataType.Float16 : DataType.Float;
        var vocab = TinyClipVocab.Write(Path.Combine(root, "tokenizer"));
        var vocabSize = vocab.Count;
        var seed = 1L;

        File.WriteAllText(Path.Combine(root, "model_index.json"), $$"""{"_class_name": "{{(options.Xl ? "ORTStableDiffusionXLPipeline" : "OnnxStableDiffusionPipeline")}}"}""");
        Directory.CreateDirectory(Path.Combine(root, "scheduler"));
        File.WriteAllText(Path.Combine(root, "scheduler", "scheduler_config.json"), """{"_class_name": "PNDMScheduler", "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear", "num_train_timesteps": 1000, "prediction_type": "epsilon"}""");

        TextEncoder(Path.Combine(root, "text_encoder", "model.onnx"), io, vocabSize, options.Hidden, options.Xl ? "hidden_states.11" : null, pooledName: "pooler_output", seed++);
        if (options.Xl)
        {
            TinyClipVocab.Write(Path.Combine(root, "tokenizer_2"), padToken: "!");
            TextEncoder(Path.Combine(root, "text_encoder_2", "model.onnx"), io, vocabSize, options.Hidden, "hidden_states.31", pooledName: "text_embeds", seed++);
        }

        var context = options.UnetHidden ?? (options.Xl ? 2 * options.Hidden : options.Hidden);
        Unet(Path.Combine(root, "unet"), io, context, options, seed++);
        VaeDecoder(Path.Combine(root, "vae_decoder", "model.onnx"), io, options.VaeLatentChannels, seed++);
        if (options.VaeEncoder)
        {
            VaeEncoder(Path.Combine(root, "vae_encoder", "model.onnx"), io, options.LatentParameters ? 2 * LatentChannels : LatentChannels, options.LatentParameters ? "latent_parameters" : "latent_sample", seed++);
        }
    }

    private static float[] Random(long seed, int count, double scale) =>
        new GaussianNoise(seed).Next(count).Select(v => (float)(v * scale)).ToArray();

    private static string In(TinyOnnx g, string name, DataType io) =>
        io == DataType.Float ? name : g.Node("Cast", [name], null, ("to", (long)DataType.Float));

    private static void Out(TinyOnnx g, string value, string name, DataType io) =>
        g.Node(io == DataType.Float ? "Identity" : "Cast", [value], name, io == DataType.Float ? [] : [("to", (long)io)]);

    private static void TextEncoder(string path, DataType io, int vocab, int hidden, string? hiddenStates, string pooledName, long seed)
    {
        var g = new TinyOnnx()
            .Input("input_ids", DataType.Int32, "batch", 77)
            .Output("last_hidden_state", io, "batch", 77, hidden)
            .Output(pooledName, io, "batch", hidden);
        var embedded = g.Node("Gather", [g.Weights(Random(seed, vocab * hidden, 1.0), [vocab, hidden]), "input_ids"], null, ("axis", 0L));
        var h = g.Node("Tanh", [embedded]);
        Out(g, h, "last_hidden_state", io);
        Out(g, g.Node("ReduceMean", [h], null, ("axes", new[] { 1L }), ("keepdims", 0L)), pooledName, io);
        if (hiddenStates is not null)
        {
            g.Output(hiddenStates, io, "batch", 77, hidden);
            Out(g, g.Node("Mul", [h, g.Scalar(0.5f)]), hiddenStates, io);
        }

        g.Save(path);
    }

    private static void Unet(string folder, DataType io, int context, TinyModelOptions options, long seed)
    {
        Directory.CreateDirectory(folder);
        var g = new TinyOnnx()
            .Input("sample", io, "batch", LatentChannels, "height", "width")
            .Input("timestep", options.FloatTimestep ? io : DataType.Int64, 1)
            .Input("encoder_hidden_states", io, "batch", 77, context)
            .Output("out_sample", io, "batch", LatentChannels, "height", "width");
        var sample = In(g, "sample", io);
        var condition = g.Node("ReduceMean", [In(g, "encoder_hidden_states", io)], null, ("axes", new[] { 1L }), ("keepdims", 0L));
        var projected = g.Node("MatMul", [condition, g.Weights(Random(seed, context * LatentChannels, 0.5), [context, LatentChannels], "model.onnx_data", folder)]);
        var bias = g.Node("Unsqueeze", [projected, g.Int64s(2, 3)]);
        var time = g.Node("Mul", [g.Node("Cast", ["timestep"], null, ("to", (long)DataType.Float)), g.Scalar(0.001f)]);
        var result = g.Node("Add", [g.Node("Add", [g.Node("Mul", [sample, g.Scalar(0.3f)]), bias]), time]);
        if (options.Xl)
        {
            g.Input("text_embeds", io, "batch", options.Hidden).Input("time_ids", io, "batch", 6);
            var pooled = g.Node("ReduceMean", [In(g, "text_embeds", io)], null, ("axes", new[] { 1L }), ("keepdims", 1L));
            var ids = g.Node("Mul", [g.Node("ReduceMean", [In(g, "time_ids", io)], null, ("axes", new[] { 1L }), ("keepdims", 1L)), g.Scalar(0.0001f)]);
            result = g.Node("Add", [result, g.Node("Unsqueeze", [g.Node("Add", [pooled, ids]), g.Int64s(2, 3)])]);
        }

        Out(g, result, "out_sample", io);
        g.Save(Path.Combine(folder, "model.onnx"));
    }

    private static void VaeDecoder(string path, DataType io, int channels, long seed)
    {
        var g = new TinyOnnx()
            .Input("latent_sample", io, "batch", channels, "height", "width")
            .Output("sample", io, "batch", 3, "pixel_height", "pixel_width");
        var conv = g.Node("Conv", [In(g, "latent_sample", io), g.Weights(Random(seed, 192 * channels, 0.6), [192, channels, 1, 1]), g.Weights(Random(seed + 100, 192, 0.1), [192])]);
        Out(g, g.Node("Tanh", [g.Node("DepthToSpace", [conv], null, ("blocksize", 8L))]), "sample", io);
        g.Save(path);
    }

    private static void VaeEncoder(string path, DataType io, int channels, string output, long seed)
    {
        var g = new TinyOnnx()
            .Input("sample", io, "batch", 3, "pixel_height", "pixel_width")
            .Output(output, io, "batch", channels, "height", "width");
        var conv = g.Node("Conv", [In(g, "sample", io), g.Weights(Random(seed, channels * 3 * 64, 0.05), [channels, 3, 8, 8])], null, ("strides", new[] { 8L, 8L }));
        Out(g, conv, output, io);
        g.Save(path);
    }

    /// <summary>
    /// A folder whose models can be followed by hand: the text encoder's hidden state is (token id - end
    /// token id) / 100 (width 1, so padding is 0), the UNet predicts the mean of that over the 77 tokens everywhere, and the VAE decoder
    /// paints each 8 x 8 block with a sixteenth of the mean of the four (unscaled) latent channels.
    /// </summary>
    public static void WriteAnalytic(string root)
    {
        TinyClipVocab.Write(Path.Combine(root, "tokenizer"));
        File.WriteAllText(Path.Combine(root, "model_index.json"), """{"_class_name": "OnnxStableDiffusionPipeline"}""");

        var te = new TinyOnnx()
            .Input("input_ids", DataType.Int32, "batch", 77)
            .Output("last_hidden_state", DataType.Float, "batch", 77, 1);
        var end = TinyClipVocab.EndId;
        var ids = te.Node("Mul", [te.Node("Sub", [te.Node("Cast", ["input_ids"], null, ("to", (long)DataType.Float)), te.Scalar(end)]), te.Scalar(0.01f)]);
        te.Node("Unsqueeze", [ids, te.Int64s(2)], "last_hidden_state");
        te.Save(Path.Combine(root, "text_encoder", "model.onnx"));

        var unet = new TinyOnnx()
            .Input("sample", DataType.Float, "batch", LatentChannels, "height", "width")
            .Input("timestep", DataType.Int64, 1)
            .Input("encoder_hidden_states", DataType.Float, "batch", 77, 1)
            .Output("out_sample", DataType.Float, "batch", LatentChannels, "height", "width");
        var condition = unet.Node("ReduceMean", ["encoder_hidden_states"], null, ("axes", new[] { 1L }), ("keepdims", 0L));
        var perImage = unet.Node("Unsqueeze", [condition, unet.Int64s(2, 3)]);
        unet.Node("Add", [unet.Node("Mul", ["sample", unet.Scalar(0f)]), perImage], "out_sample");
        unet.Save(Path.Combine(root, "unet", "model.onnx"));

        var vae = new TinyOnnx()
            .Input("latent_sample", DataType.Float, "batch", LatentChannels, "height", "width")
            .Output("sample", DataType.Float, "batch", 3, "pixel_height", "pixel_width");
        var mean = vae.Node("Conv", ["latent_sample", vae.Weights(Enumerable.Repeat((float)(0.25 * ModelFolder.StableDiffusionVaeScale / 16), 192 * LatentChannels).ToArray(), [192, LatentChannels, 1, 1])]);
        vae.Node("DepthToSpace", [mean], "sample", ("blocksize", 8L));
        vae.Save(Path.Combine(root, "vae_decoder", "model.onnx"));
    }
}
