using System.Text.Json;
using CineForge.Onnx.Models;
using CineForge.Onnx.Scheduling;

namespace CineForge.Onnx.Video;

/// <summary>
/// A Stable Video Diffusion (img2vid / img2vid-xt) export in <c>DIR/svd/</c>, next to the Stable
/// Diffusion folder: <c>image_encoder/model.onnx</c> (CLIP vision: <c>pixel_values</c> [B, 3, 224, 224]
/// → <c>image_embeds</c> [B, E]), <c>vae_encoder/model.onnx</c> (<c>sample</c> [B, 3, H, W] →
/// <c>latent_sample</c> [B, 4, H/8, W/8] or <c>latent_parameters</c> [B, 8, H/8, W/8], whose mean is
/// the mode), <c>unet/model.onnx</c> (spatio-temporal: <c>sample</c> [B, F, 8, h, w], <c>timestep</c>
/// float, <c>encoder_hidden_states</c> [B, 1, E], <c>added_time_ids</c> [B, 3] → <c>out_sample</c>
/// [B, F, 4, h, w]), <c>vae_decoder/model.onnx</c> (temporal: <c>latent_sample</c> [N, 4, h, w] and,
/// when declared, <c>num_frames</c> int64 → <c>sample</c> [N, 3, H, W]) and, optionally,
/// <c>scheduler/scheduler_config.json</c> (EulerDiscreteScheduler; SVD's config when absent).
/// Everything is checked from the graph headers before any session exists.
/// </summary>
public sealed class SvdFolder
{
    /// <summary>The sub-folder of a model folder that holds SVD.</summary>
    public const string SubFolder = "svd";

    /// <summary>SVD's VAE scaling factor.</summary>
    public const double VaeScale = 0.18215;

    private SvdFolder(string root, ModelComponent imageEncoder, ModelComponent vaeEncoder, ModelComponent unet, ModelComponent vaeDecoder, SvdSchedulerConfig scheduler)
    {
        Root = root;
        ImageEncoder = imageEncoder;
        VaeEncoder = vaeEncoder;
        Unet = unet;
        VaeDecoder = vaeDecoder;
        Scheduler = scheduler;
    }

    /// <summary>Full path of the svd folder.</summary>
    public string Root { get; }

    /// <summary>CLIP image encoder.</summary>
    public ModelComponent ImageEncoder { get; }

    /// <summary>VAE encoder of the conditioning frame.</summary>
    public ModelComponent VaeEncoder { get; }

    /// <summary>Spatio-temporal UNet.</summary>
    public ModelComponent Unet { get; }

    /// <summary>Temporal VAE decoder.</summary>
    public ModelComponent VaeDecoder { get; }

    /// <summary>The sampler's settings.</summary>
    public SvdSchedulerConfig Scheduler { get; }

    /// <summary>Native frames of the UNet: its fixed frame dimension, else 14 (img2vid).</summary>
    public int NativeFrames => (int)(Unet.Header.Input("sample")!.Dims[1] ?? 14);

    /// <summary>Width of the image embedding.</summary>
    public int EmbeddingWidth => (int)(ImageEncoder.Header.Output("image_embeds")!.Dims[1] ?? Unet.Header.Input("encoder_hidden_states")!.Dims[2] ?? 1024);

    /// <summary>Whether <paramref name="modelDirectory"/> holds an svd folder (complete or not).</summary>
    public static bool IsPresent(string modelDirectory) => Directory.Exists(Path.Combine(modelDirectory, SubFolder));

    /// <summary>Checks <c><paramref name="modelDirectory"/>/svd</c>.</summary>
    /// <exception cref="ModelFolderException">A component is missing or declares the wrong inputs, outputs, ranks or types (the message names the file).</exception>
    public static SvdFolder Open(string modelDirectory)
    {
        var root = Path.GetFullPath(Path.Combine(modelDirectory, SubFolder));
        var image = Component(root, "image_encoder", [("pixel_values", 4, true)], [("image_embeds", 2, true)]);
        var vaeEncoder = Component(root, "vae_encoder", [("sample", 4, true)], []);
        if (!vaeEncoder.Header.Outputs.Any(o => o.Name is "latent_sample" or "latent_parameters"))
        {
            throw new ModelFolderException(vaeEncoder.ModelPath, "has no output \"latent_sample\" or \"latent_parameters\".");
        }

        var unet = Component(root, "unet", [("sample", 5, true), ("timestep", -1, true), ("encoder_hidden_states", 3, true), ("added_time_ids", 2, true)], [("out_sample", 5, true)]);
        var decoder = Component(root, "vae_decoder", [("latent_sample", 4, true)], [("sample", 4, true)]);

        var sample = unet.Header.Input("sample")!;
        if (sample.Dims[2] is { } channels && channels != 8)
        {
            throw new ModelFolderException(unet.ModelPath, $"input \"sample\" has {channels} channels; SVD's UNet takes 8 (4 noisy latent + 4 conditioning-frame latent).");
        }

        if (unet.Header.Input("timestep")!.ElementType is not (OnnxElementType.Float or OnnxElementType.Float16) || unet.Header.Input("timestep")!.Rank > 1)
        {
            throw new ModelFolderException(unet.ModelPath, "input \"timestep\" must be a float scalar or [1]: SVD's timesteps are continuous (0.25 ln sigma).");
        }

        if (unet.Header.Input("added_time_ids")!.Dims[1] is { } ids && ids != 3)
        {
            throw new ModelFolderException(unet.ModelPath, $"input \"added_time_ids\" has width {ids}; expected 3 (fps - 1, motion_bucket_id, noise_aug_strength).");
        }

        var latentIn = decoder.Header.Input("latent_sample")!;
        if (latentIn.Dims[1] is { } decoderChannels && decoderChannels != 4)
        {
            throw new ModelFolderException(decoder.ModelPath, $"input \"latent_sample\" has {decoderChannels} channels; expected 4.");
        }

        var embeds = image.Header.Output("image_embeds")!.Dims[1];
        var context = unet.Header.Input("encoder_hidden_states")!.Dims[2];
        if (embeds is { } e && context is { } c && e != c)
        {
            throw new ModelFolderException(unet.ModelPath, $"takes image embeddings of width {c}, but {image.ModelPath} gives {e}.");
        }

        var config = SvdSchedulerConfig.Load(Path.Combine(root, "scheduler", "scheduler_config.json"));
        return new SvdFolder(root, image, vaeEncoder, unet, decoder, config);
    }

    private static ModelComponent Component(string root, string name, (string Name, int Rank, bool Float)[] inputs, (string Name, int Rank, bool Float)[] outputs)
    {
        var path = Path.Combine(root, name, "model.onnx");
        if (!File.Exists(path))
        {
            throw new ModelFolderException(path, $"is missing; an SVD folder needs {name}/model.onnx.");
        }

        OnnxGraphHeader header;
        try
        {
            header = OnnxGraphHeader.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            throw new ModelFolderException(path, $"is not a readable ONNX model ({e.Message}).");
        }

        foreach (var (port, rank, _) in inputs)
        {
            Expect(path, header.Input(port), "input", port, rank);
        }

        foreach (var (port, rank, _) in outputs)
        {
            Expect(path, header.Output(port), "output", port, rank);
        }

        return new ModelComponent(name, path, header);
    }

    private static void Expect(string path, TensorSpec? spec, string kind, string name, int rank)
    {
        if (spec is null)
        {
            throw new ModelFolderException(path, $"has no {kind} \"{name}\".");
        }

        if (rank >= 0 && spec.Rank != rank)
        {
            throw new ModelFolderException(path, $"{kind} \"{name}\" has rank {spec.Rank}; expected {rank}.");
        }

        if (name != "num_frames" && !spec.ElementType.IsFloat())
        {
            throw new ModelFolderException(path, $"{kind} \"{name}\" is {spec.ElementType.OnnxName()}; expected float32 or float16.");
        }
    }
}

/// <summary>The EulerDiscreteScheduler settings SVD ships with; the defaults are img2vid's.</summary>
/// <param name="SigmaMin">Smallest Karras sigma (0.002).</param>
/// <param name="SigmaMax">Largest Karras sigma (700).</param>
/// <param name="Prediction">v_prediction for SVD.</param>
/// <param name="TimestepSpacing">"leading" (init noise sigma sqrt(sigma_max^2 + 1)).</param>
public sealed record SvdSchedulerConfig(double SigmaMin, double SigmaMax, PredictionType Prediction, string TimestepSpacing)
{
    /// <summary>stable-video-diffusion-img2vid(-xt)'s scheduler_config.json.</summary>
    public static SvdSchedulerConfig Default { get; } = new(0.002, 700.0, PredictionType.VPrediction, "leading");

    /// <summary>Reads <paramref name="path"/>; a missing file or key keeps the default.</summary>
    /// <exception cref="ModelFolderException">Not JSON, or a setting this sampler does not follow.</exception>
    public static SvdSchedulerConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            return Default;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            double? Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            if (root.TryGetProperty("use_karras_sigmas", out var karras) && karras.ValueKind == JsonValueKind.False)
            {
                throw new ModelFolderException(path, "use_karras_sigmas is false; the SVD sampler follows Karras sigmas only.");
            }

            if (Text("timestep_type") is { } type && type != "continuous")
            {
                throw new ModelFolderException(path, $"timestep_type \"{type}\" is not supported; expected \"continuous\".");
            }

            var prediction = (Text("prediction_type") ?? "v_prediction") switch
            {
                "v_prediction" => PredictionType.VPrediction,
                "epsilon" => PredictionType.Epsilon,
                var other => throw new ModelFolderException(path, $"prediction_type \"{other}\" is not supported."),
            };
            return new SvdSchedulerConfig(Number("sigma_min") ?? Default.SigmaMin, Number("sigma_max") ?? Default.SigmaMax, prediction, Text("timestep_spacing") ?? Default.TimestepSpacing);
        }
        catch (JsonException e)
        {
            throw new ModelFolderException(path, $"is not valid JSON ({e.Message}).");
        }
    }
}
