using CineForge.Onnx.Models;
using CineForge.Onnx.Scheduling;
using CineForge.Runtime.Imaging;

namespace CineForge.Onnx.Pipeline;

/// <summary>
/// Stable Diffusion on ONNX Runtime: tokenizer → text encoder(s) → UNet loop (DPM++ 2M Karras,
/// classifier-free guidance in one batched call) → VAE decoder, and img2img through the VAE
/// encoder with diffusers' strength semantics. The folder is checked before any session exists;
/// sessions are made once and reused for every image. Same request and seed, same bytes (on one
/// machine and provider; GPU kernels may differ in the last bits from CPU ones).
/// Not thread-safe: one image at a time.
/// </summary>
public sealed class StableDiffusionPipeline : IDisposable
{
    private readonly OnnxSessions sessions;
    private readonly PromptEncoder prompts;
    private readonly UnetDenoiser denoiser;
    private readonly VaeCodec vae;
    private readonly TrainingSchedule training;
    private readonly Action<string>? notice;
    private readonly Dictionary<int, KarrasSchedule> schedules = [];

    private StableDiffusionPipeline(ModelFolder folder, OnnxBackendOptions options)
    {
        Folder = folder;
        notice = options.Notice;
        sessions = new OnnxSessions(options);
        prompts = new PromptEncoder(folder, sessions);
        denoiser = new UnetDenoiser(folder, sessions);
        vae = new VaeCodec(folder, sessions);
        training = TrainingSchedule.From(folder.Scheduler);
    }

    /// <summary>The checked model folder.</summary>
    public ModelFolder Folder { get; }

    /// <summary>"CUDA" or "CPU".</summary>
    public string Provider => sessions.Provider;

    /// <summary>ONNX Runtime sessions created so far: each component once per pipeline.</summary>
    public int SessionsCreated => sessions.SessionsCreated;

    /// <summary>Latent channels of the UNet.</summary>
    public int LatentChannels => (int)(Folder.Unet.Header.Input("sample")!.Dims[1] ?? 4);

    /// <summary>Checks <paramref name="modelDirectory"/> and prepares to run it.</summary>
    /// <exception cref="ModelFolderException">The folder is incomplete or inconsistent (before any session).</exception>
    public static StableDiffusionPipeline Open(string modelDirectory, OnnxBackendOptions? options = null) =>
        new(ModelFolder.Open(modelDirectory), options ?? new OnnxBackendOptions());

    /// <summary>Text-to-image.</summary>
    public GeneratedImage TextToImage(ImageRequest request, CancellationToken cancellationToken = default)
    {
        var (latentHeight, latentWidth) = LatentSize(request);
        var schedule = Schedule(request.Steps);
        var noise = new GaussianNoise(request.Seed);
        var latents = noise.Next(LatentChannels * latentHeight * latentWidth);
        var solver = new DpmSolverMultistep(schedule, Folder.Scheduler.Prediction);
        return Denoise(request, solver, latents, latentHeight, latentWidth, schedule.Steps, cancellationToken);
    }

    /// <summary>
    /// img2img: encodes <paramref name="source"/>, noises it to the level where the last
    /// (int)(steps * <paramref name="strength"/>) steps begin, and runs those steps. With no step to
    /// run the source comes back unchanged.
    /// </summary>
    public GeneratedImage ImageToImage(ImageRequest request, RgbImage source, double strength, CancellationToken cancellationToken = default)
    {
        var (latentHeight, latentWidth) = LatentSize(request);
        if (source.Width != request.Width || source.Height != request.Height)
        {
            throw new ArgumentException($"The source is {source.Width}x{source.Height}; the request is {request.Width}x{request.Height}.", nameof(source));
        }

        var plan = new Img2ImgStrength(request.Steps, strength);
        if (plan.StepsRun == 0)
        {
            return new GeneratedImage(source, 0, []);
        }

        var schedule = Schedule(request.Steps);
        var noise = new GaussianNoise(request.Seed);
        var clean = vae.Encode(source, LatentChannels, noise.Next);
        var latents = DpmSolverMultistep.AddNoise(schedule, plan.BeginIndex, clean, noise.Next(clean.Length));
        var solver = new DpmSolverMultistep(schedule, Folder.Scheduler.Prediction, plan.BeginIndex);
        return Denoise(request, solver, latents, latentHeight, latentWidth, plan.StepsRun, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => sessions.Dispose();

    private GeneratedImage Denoise(ImageRequest request, DpmSolverMultistep solver, float[] latents, int latentHeight, int latentWidth, int stepsRun, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        var condition = prompts.Encode(request.Prompt, isNegative: false, notices);
        var guided = request.GuidanceScale > 1;
        var unconditional = guided ? prompts.Encode(request.NegativePrompt, isNegative: true, notices) : null;
        foreach (var line in notices)
        {
            notice?.Invoke(line);
        }

        var result = denoiser.Run(solver, latents, latentHeight, latentWidth, condition, unconditional, request.GuidanceScale, (request.Height, request.Width), cancellationToken);
        var image = vae.Decode(result, LatentChannels, latentHeight, latentWidth);
        return new GeneratedImage(image, stepsRun, notices);
    }

    private KarrasSchedule Schedule(int steps)
    {
        if (!schedules.TryGetValue(steps, out var schedule))
        {
            schedules[steps] = schedule = KarrasSchedule.Create(training, steps);
        }

        return schedule;
    }

    private (int Height, int Width) LatentSize(ImageRequest request)
    {
        if (request.Width <= 0 || request.Height <= 0 || request.Width % 8 != 0 || request.Height % 8 != 0)
        {
            throw new ArgumentException($"Width and height must be positive multiples of 8; got {request.Width}x{request.Height}.", nameof(request));
        }

        var (height, width) = (request.Height / 8, request.Width / 8);
        var dims = Folder.Unet.Header.Input("sample")!.Dims;
        if ((dims[2] is { } fixedHeight && fixedHeight != height) || (dims[3] is { } fixedWidth && fixedWidth != width))
        {
            throw new ArgumentException($"{Folder.Unet.ModelPath} was exported for {dims[3] * 8}x{dims[2] * 8} pixels; the request is {request.Width}x{request.Height}.", nameof(request));
        }

        return (height, width);
    }
}
