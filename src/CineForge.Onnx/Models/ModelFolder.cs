using System.Security.Cryptography;
using System.Text.Json;
using CineForge.Onnx.Scheduling;
using static CineForge.Onnx.Models.ComponentExpectation;

namespace CineForge.Onnx.Models;

/// <summary>
/// A Stable Diffusion ONNX export folder, checked: <c>model_index.json</c>, <c>text_encoder/</c>
/// (and <c>text_encoder_2/</c> for SDXL), <c>unet/</c> with its external weights, <c>vae_decoder/</c>,
/// optional <c>vae_encoder/</c> (img2img), <c>tokenizer/</c> (and <c>tokenizer_2/</c>), optional
/// <c>scheduler/scheduler_config.json</c>. Only file headers are read; no session is created.
/// </summary>
public sealed class ModelFolder
{
    /// <summary>The latent scale of SD 1.x/2.x VAEs when the folder's config does not give one.</summary>
    public const double StableDiffusionVaeScale = 0.18215;

    /// <summary>The latent scale of the SDXL VAE when the folder's config does not give one.</summary>
    public const double StableDiffusionXLVaeScale = 0.13025;

    private ModelFolder(ModelFolderReport report, IReadOnlyDictionary<string, ModelComponent> components, SchedulerConfig scheduler, double vaeScale)
    {
        Report = report;
        Root = report.Root;
        Architecture = report.Architecture!.Value;
        Precision = report.Precision!.Value;
        TextEncoder = components["text_encoder"];
        TextEncoder2 = components.GetValueOrDefault("text_encoder_2");
        Unet = components["unet"];
        VaeDecoder = components["vae_decoder"];
        VaeEncoder = components.GetValueOrDefault("vae_encoder");
        Scheduler = scheduler;
        VaeScale = vaeScale;
    }

    /// <summary>The folder (full path).</summary>
    public string Root { get; }

    /// <summary>What the check found.</summary>
    public ModelFolderReport Report { get; }

    /// <summary>SD 1.x/2.x or SDXL.</summary>
    public ModelArchitecture Architecture { get; }

    /// <summary>UNet precision.</summary>
    public ModelPrecision Precision { get; }

    /// <summary>The (first) CLIP text encoder.</summary>
    public ModelComponent TextEncoder { get; }

    /// <summary>SDXL's second text encoder, or null.</summary>
    public ModelComponent? TextEncoder2 { get; }

    /// <summary>The denoising UNet.</summary>
    public ModelComponent Unet { get; }

    /// <summary>Latents to pixels.</summary>
    public ModelComponent VaeDecoder { get; }

    /// <summary>Pixels to latents (img2img), or null when the export has none.</summary>
    public ModelComponent? VaeEncoder { get; }

    /// <summary>The training schedule and prediction type.</summary>
    public SchedulerConfig Scheduler { get; }

    /// <summary>Latents are multiplied by this after encoding and divided by it before decoding.</summary>
    public double VaeScale { get; }

    /// <summary>The tokenizer folder of <paramref name="encoder"/> ("tokenizer" or "tokenizer_2").</summary>
    public string TokenizerFolder(ModelComponent encoder) =>
        Path.Combine(Root, encoder.Name == "text_encoder_2" ? "tokenizer_2" : "tokenizer");

    /// <summary>Checks <paramref name="directory"/> and opens it.</summary>
    /// <exception cref="ModelFolderException">The folder has problems; the message lists each with its file.</exception>
    public static ModelFolder Open(string directory)
    {
        var (report, components, scheduler, vaeScale) = Examine(directory, hashes: false);
        if (!report.IsValid)
        {
            var first = report.Problems[0];
            var rest = report.Problems.Count > 1 ? Environment.NewLine + string.Join(Environment.NewLine, report.Problems.Skip(1)) : string.Empty;
            throw new ModelFolderException(first.Path, first.Message + rest);
        }

        return new ModelFolder(report, components, scheduler, vaeScale);
    }

    /// <summary>Checks <paramref name="directory"/> and reports what it holds; never throws for folder content.</summary>
    /// <param name="directory">The model folder.</param>
    /// <param name="hashes">Whether to hash every file (SHA-256; reads all weights once).</param>
    public static ModelFolderReport Check(string directory, bool hashes = true) => Examine(directory, hashes).Report;

    /// <summary>SHA-256 of <paramref name="path"/>, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static (ModelFolderReport Report, Dictionary<string, ModelComponent> Components, SchedulerConfig Scheduler, double VaeScale) Examine(string directory, bool hashes)
    {
        var root = Path.GetFullPath(directory);
        var problems = new List<ModelFolderProblem>();
        var notes = new List<string>();
        var components = new Dictionary<string, ModelComponent>();
        if (!Directory.Exists(root))
        {
            problems.Add(new(root, "is not a folder; expected a Stable Diffusion ONNX export (model_index.json, text_encoder/, unet/, vae_decoder/, tokenizer/)."));
            return (new ModelFolderReport(root, null, null, [], [], problems, notes), components, SchedulerConfig.StableDiffusion, StableDiffusionVaeScale);
        }

        var indexClass = ReadIndexClass(root, problems);
        var xlFiles = Directory.Exists(Path.Combine(root, "text_encoder_2"));

        Load("text_encoder", required: true);
        if (xlFiles)
        {
            Load("text_encoder_2", required: true);
        }

        Load("unet", required: true);
        Load("vae_decoder", required: true);
        if (!Load("vae_encoder", required: false))
        {
            notes.Add("vae_encoder/model.onnx is absent: text-to-image works, img2img correction does not.");
        }

        if (components.TryGetValue("vae_encoder", out var vaeEncoder) && vaeEncoder.Header.Operators.Any(o => o.StartsWith("Random", StringComparison.Ordinal)))
        {
            notes.Add("vae_encoder/model.onnx draws its latent sample inside the graph (a Random* operator): img2img there is not reproducible from the seed. An export with a \"latent_parameters\" output (mean and log-variance) is.");
        }

        var architecture = DetectArchitecture(root, indexClass, xlFiles, components, problems);
        RequireTokenizer(root, "tokenizer", problems);
        if (architecture == ModelArchitecture.StableDiffusionXL)
        {
            RequireTokenizer(root, "tokenizer_2", problems);
        }

        CheckPorts(components, architecture, problems);
        CrossCheck(components, problems);
        var precision = components.TryGetValue("unet", out var unet) ? PrecisionOf(unet) : null;
        var scheduler = ReadScheduler(root, problems, notes);
        var vaeScale = ReadVaeScale(root, architecture, problems, notes);
        var files = ListFiles(root, components, architecture, hashes, problems);

        var ordered = new[] { "text_encoder", "text_encoder_2", "unet", "vae_decoder", "vae_encoder" }
            .Where(components.ContainsKey).Select(n => components[n]).ToList();
        var report = new ModelFolderReport(root, architecture, precision, ordered, files, problems, notes);
        return (report, components, scheduler, vaeScale);

        bool Load(string name, bool required)
        {
            var path = Path.Combine(root, name, "model.onnx");
            if (!File.Exists(path))
            {
                if (required)
                {
                    problems.Add(new(path, $"is missing; expected the {name} ONNX model."));
                }

                return false;
            }

            try
            {
                components[name] = new ModelComponent(name, path, OnnxGraphHeader.Read(path));
                return true;
            }
            catch (ModelFolderException e)
            {
                problems.Add(new(e.Path, e.Problem));
                return false;
            }
        }
    }

    private static string? ReadIndexClass(string root, List<ModelFolderProblem> problems)
    {
        var path = Path.Combine(root, "model_index.json");
        if (!File.Exists(path))
        {
            problems.Add(new(path, "is missing; expected the pipeline index of a Stable Diffusion export (\"_class_name\" and its components)."));
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("_class_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        }
        catch (JsonException e)
        {
            problems.Add(new(path, $"is not valid JSON ({e.Message})."));
            return null;
        }
    }

    private static ModelArchitecture? DetectArchitecture(string root, string? indexClass, bool xlFiles, Dictionary<string, ModelComponent> components, List<ModelFolderProblem> problems)
    {
        var unetXl = components.TryGetValue("unet", out var unet) && unet.Header.Input("time_ids") is not null;
        var indexXl = indexClass?.Contains("XL", StringComparison.Ordinal);
        if (unet is not null && unetXl != xlFiles)
        {
            problems.Add(xlFiles
                ? new(unet.ModelPath, "has no \"text_embeds\"/\"time_ids\" inputs, but the folder has text_encoder_2/: an SDXL folder needs an SDXL UNet.")
                : new(Path.Combine(root, "text_encoder_2", "model.onnx"), "is missing; the UNet takes \"time_ids\" (SDXL), which needs the second text encoder."));
            return null;
        }

        if (indexXl is { } xl && xl != xlFiles)
        {
            problems.Add(new(Path.Combine(root, "model_index.json"), $"names {indexClass}, but the files are {(xlFiles ? "SDXL" : "SD 1.x/2.x")}-class."));
            return null;
        }

        return xlFiles ? ModelArchitecture.StableDiffusionXL : ModelArchitecture.StableDiffusion;
    }

    private static void RequireTokenizer(string root, string folder, List<ModelFolderProblem> problems)
    {
        foreach (var file in new[] { "vocab.json", "merges.txt" })
        {
            var path = Path.Combine(root, folder, file);
            if (!File.Exists(path))
            {
                problems.Add(new(path, $"is missing; expected CLIP's BPE {(file == "vocab.json" ? "vocabulary" : "merges")}."));
            }
        }
    }

    private static void CheckPorts(Dictionary<string, ModelComponent> components, ModelArchitecture? architecture, List<ModelFolderProblem> problems)
    {
        var xl = architecture == ModelArchitecture.StableDiffusionXL;
        Expect("text_encoder", TextEncoderInputs, xl ? [] : TextEncoderOutputs);
        Expect("text_encoder_2", TextEncoderInputs, TextEncoder2Outputs);
        Expect("unet", xl ? [.. UnetInputs, .. UnetXlInputs] : UnetInputs, UnetOutputs);
        Expect("vae_decoder", VaeDecoderInputs, VaeDecoderOutputs);
        Expect("vae_encoder", VaeEncoderInputs, []);

        if (xl)
        {
            foreach (var name in new[] { "text_encoder", "text_encoder_2" })
            {
                if (components.TryGetValue(name, out var encoder) && !encoder.Header.Outputs.Any(o => o.Name.StartsWith("hidden_states.", StringComparison.Ordinal)))
                {
                    problems.Add(new(encoder.ModelPath, "has no \"hidden_states.N\" outputs; SDXL conditions on the penultimate hidden state."));
                }
            }
        }

        if (components.TryGetValue("vae_encoder", out var vaeEncoder)
            && !vaeEncoder.Header.Outputs.Any(o => VaeEncoderOutputNames.Contains(o.Name) && o.Rank == 4 && o.ElementType.IsFloat()))
        {
            problems.Add(new(vaeEncoder.ModelPath, $"has no \"latent_sample\" or \"latent_parameters\" output (float, rank 4); found {Describe(vaeEncoder.Header.Outputs)}."));
        }

        void Expect(string name, Port[] inputs, Port[] outputs)
        {
            if (!components.TryGetValue(name, out var component))
            {
                return;
            }

            foreach (var (port, isInput) in inputs.Select(p => (p, true)).Concat(outputs.Select(p => (p, false))))
            {
                var spec = isInput ? component.Header.Input(port.Name) : component.Header.Output(port.Name);
                var side = isInput ? "input" : "output";
                if (spec is null)
                {
                    problems.Add(new(component.ModelPath, $"has no {side} {port.Describe()}; its {side}s are {Describe(isInput ? component.Header.Inputs : component.Header.Outputs)}."));
                }
                else if (!port.Accepts(spec))
                {
                    problems.Add(new(component.ModelPath, $"{side} {spec} does not match; expected {port.Describe()}."));
                }
            }
        }
    }

    private static void CrossCheck(Dictionary<string, ModelComponent> components, List<ModelFolderProblem> problems)
    {
        if (!components.TryGetValue("unet", out var unet))
        {
            return;
        }

        var context = unet.Header.Input("encoder_hidden_states")?.Dims.ElementAtOrDefault(2);
        var hidden = components.GetValueOrDefault("text_encoder")?.Header.Output("last_hidden_state")?.Dims.ElementAtOrDefault(2);
        if (components.TryGetValue("text_encoder_2", out var second))
        {
            var hidden2 = second.Header.Outputs.FirstOrDefault(o => o.Name.StartsWith("hidden_states.", StringComparison.Ordinal))?.Dims.ElementAtOrDefault(2);
            var first = components["text_encoder"].Header.Outputs.FirstOrDefault(o => o.Name.StartsWith("hidden_states.", StringComparison.Ordinal))?.Dims.ElementAtOrDefault(2);
            hidden = first + hidden2;
        }

        if (context is { } c && hidden is { } h && c != h)
        {
            problems.Add(new(unet.ModelPath, $"encoder_hidden_states has width {c}, but the text encoder{(second is null ? string.Empty : "s")} give {h}: the models come from different checkpoints."));
        }

        var channels = unet.Header.Input("sample")?.Dims.ElementAtOrDefault(1);
        if (components.TryGetValue("vae_decoder", out var decoder)
            && decoder.Header.Input("latent_sample")?.Dims.ElementAtOrDefault(1) is { } latent
            && channels is { } u && latent != u)
        {
            problems.Add(new(decoder.ModelPath, $"latent_sample has {latent} channels, but the UNet denoises {u}."));
        }
    }

    private static ModelPrecision? PrecisionOf(ModelComponent unet) =>
        unet.Header.Input("sample")?.ElementType switch
        {
            OnnxElementType.Float => ModelPrecision.Float32,
            OnnxElementType.Float16 => ModelPrecision.Float16,
            _ => null,
        };

    private static SchedulerConfig ReadScheduler(string root, List<ModelFolderProblem> problems, List<string> notes)
    {
        var path = Path.Combine(root, "scheduler", "scheduler_config.json");
        if (!File.Exists(path))
        {
            notes.Add("scheduler/scheduler_config.json is absent: Stable Diffusion's training schedule (scaled-linear 0.00085..0.012, epsilon) is used.");
            return SchedulerConfig.StableDiffusion;
        }

        try
        {
            return SchedulerConfig.Load(path);
        }
        catch (ModelFolderException e)
        {
            problems.Add(new(e.Path, e.Problem));
            return SchedulerConfig.StableDiffusion;
        }
    }

    private static double ReadVaeScale(string root, ModelArchitecture? architecture, List<ModelFolderProblem> problems, List<string> notes)
    {
        var fallback = architecture == ModelArchitecture.StableDiffusionXL ? StableDiffusionXLVaeScale : StableDiffusionVaeScale;
        var path = Path.Combine(root, "vae_decoder", "config.json");
        if (!File.Exists(path))
        {
            return fallback;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.TryGetProperty("scaling_factor", out var scale) && scale.ValueKind == JsonValueKind.Number ? scale.GetDouble() : fallback;
        }
        catch (JsonException e)
        {
            problems.Add(new(path, $"is not valid JSON ({e.Message})."));
            return fallback;
        }
    }

    private static List<ModelFileEntry> ListFiles(string root, Dictionary<string, ModelComponent> components, ModelArchitecture? architecture, bool hashes, List<ModelFolderProblem> problems)
    {
        var paths = new List<string>();
        foreach (var component in components.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            foreach (var file in component.Files)
            {
                if (File.Exists(file))
                {
                    paths.Add(file);
                }
                else
                {
                    problems.Add(new(file, $"is missing; {component.Name}/model.onnx keeps its weights there."));
                }
            }
        }

        var tokenizers = architecture == ModelArchitecture.StableDiffusionXL ? new[] { "tokenizer", "tokenizer_2" } : ["tokenizer"];
        paths.AddRange(tokenizers.SelectMany(t => new[] { Path.Combine(root, t, "vocab.json"), Path.Combine(root, t, "merges.txt") }).Where(File.Exists));
        paths.AddRange(new[] { "model_index.json", "scheduler/scheduler_config.json", "vae_decoder/config.json" }.Select(p => Path.Combine(root, p)).Where(File.Exists));

        return paths.Select(p => new ModelFileEntry(
            Path.GetRelativePath(root, p).Replace('\\', '/'),
            new FileInfo(p).Length,
            hashes ? Sha256(p) : null)).ToList();
    }

    private static string Describe(IReadOnlyList<TensorSpec> specs) =>
        specs.Count == 0 ? "none" : string.Join(", ", specs.Select(s => s.ToString()));
}
