using CineForge.Runtime.Imaging;
using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Scheduling;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Video;

/// <summary>What to animate: steps, seed, the SVD conditioning and the guidance ramp.</summary>
/// <param name="Steps">Denoising steps (25 in diffusers).</param>
/// <param name="Seed">Noise seed.</param>
/// <param name="Fps">The fps conditioning (diffusers passes fps - 1 to the UNet).</param>
/// <param name="MotionBucketId">More is more motion (127 in diffusers).</param>
/// <param name="NoiseAugStrength">Noise added to the conditioning frame (0.02 in diffusers).</param>
/// <param name="MinGuidance">Guidance of the first frame.</param>
/// <param name="MaxGuidance">Guidance of the last frame.</param>
/// <param name="DecodeChunk">Frames the temporal decoder sees at once; null: all.</param>
public sealed record VideoRequest(int Steps = 25, long Seed = 0, int Fps = 7, int MotionBucketId = 127, double NoiseAugStrength = 0.02, double MinGuidance = 1.0, double MaxGuidance = 3.0, int? DecodeChunk = null);

/// <summary>
/// Image-to-video with Stable Video Diffusion on ONNX Runtime, step for step as diffusers'
/// StableVideoDiffusionPipeline: CLIP image embedding (zeros for the unconditional half); the
/// conditioning frame plus noise_aug_strength × seeded noise, VAE-encoded to its mode (unscaled)
/// and repeated over the frames (zeros for the unconditional half); latents = seeded noise ×
/// init_noise_sigma (drawn after the augmentation noise); per step the UNet sees
/// [scale_model_input(x), image latent] on the channel axis, the float timestep 0.25 ln(sigma) and
/// added_time_ids [fps - 1, motion_bucket_id, noise_aug_strength]; guidance per frame from
/// linspace(min, max, frames); Euler (Karras, v-prediction); latents / 0.18215 decoded in chunks.
/// Same request and seed, same bytes on one machine and provider.
/// </summary>
public sealed class StableVideoDiffusionPipeline : IDisposable
{
    private static readonly float[] ClipMean = [0.48145466f, 0.4578275f, 0.40821073f];
    private static readonly float[] ClipStd = [0.26862954f, 0.26130258f, 0.27577711f];
    private readonly OnnxSessions sessions;

    private StableVideoDiffusionPipeline(SvdFolder folder, OnnxBackendOptions options)
    {
        Folder = folder;
        sessions = new OnnxSessions(options);
    }

    /// <summary>The checked folder.</summary>
    public SvdFolder Folder { get; }

    /// <summary>"CUDA" or "CPU".</summary>
    public string Provider => sessions.Provider;

    /// <summary>Checks <c><paramref name="modelDirectory"/>/svd</c> and prepares to run it.</summary>
    /// <exception cref="ModelFolderException">The folder is incomplete or inconsistent (before any session).</exception>
    public static StableVideoDiffusionPipeline Open(string modelDirectory, OnnxBackendOptions? options = null) =>
        new(SvdFolder.Open(modelDirectory), options ?? new OnnxBackendOptions());

    /// <summary>Animates <paramref name="image"/> into the UNet's native frames.</summary>
    public IReadOnlyList<RgbImage> ImageToVideo(RgbImage image, VideoRequest request, CancellationToken cancellationToken = default)
    {
        if (image.Width % 8 != 0 || image.Height % 8 != 0)
        {
            throw new ArgumentException($"Width and height must be multiples of 8; got {image.Width}x{image.Height}.", nameof(image));
        }

        var embeds = EncodeImage(image);
        var noise = new GaussianNoise(request.Seed);
        var planar = ToPlanar(image);
        var draws = noise.Next(planar.Length);
        for (var i = 0; i < planar.Length; i++)
        {
            planar[i] += (float)request.NoiseAugStrength * draws[i];
        }

        var latent = EncodeLatent(planar, image.Height, image.Width);
        var frames = Folder.NativeFrames;
        var initial = noise.Next(frames * 4 * (image.Height / 8) * (image.Width / 8));
        var latents = Denoise(embeds, latent, initial, image.Height / 8, image.Width / 8, request, cancellationToken);
        return Decode(latents, frames, image.Height / 8, image.Width / 8, request.DecodeChunk ?? frames);
    }

    /// <inheritdoc/>
    public void Dispose() => sessions.Dispose();

    /// <summary>The denoising loop from unit noise: returns the final latents [F, 4, h, w].</summary>
    internal float[] Denoise(float[] embeds, float[] imageLatent, float[] unitNoise, int latentHeight, int latentWidth, VideoRequest request, CancellationToken cancellationToken, Action<DenoiseStep>? observe = null)
    {
        var header = Folder.Unet.Header;
        var plane = 4 * latentHeight * latentWidth;
        var frames = unitNoise.Length / plane;
        var scheduler = new EulerKarras(request.Steps, Folder.Scheduler.SigmaMin, Folder.Scheduler.SigmaMax, Folder.Scheduler.Prediction, Folder.Scheduler.TimestepSpacing);
        var ramp = SvdConditioning.GuidanceRamp(request.MinGuidance, request.MaxGuidance, frames);
        var guided = ramp.Max() > 1;
        var batch = guided ? 2 : 1;
        var x = unitNoise.Select(v => (float)(v * scheduler.InitNoiseSigma)).ToArray();
        var session = sessions.For(Folder.Unet);

        using var sample = new HostTensor(header.Input("sample")!.ElementType, [batch, frames, 8, latentHeight, latentWidth]);
        var timestepSpec = header.Input("timestep")!;
        using var timestep = new HostTensor(timestepSpec.ElementType, timestepSpec.Rank == 0 ? [] : [1]);
        using var context = new HostTensor(header.Input("encoder_hidden_states")!.ElementType, [batch, 1, embeds.Length]);
        using var ids = new HostTensor(header.Input("added_time_ids")!.ElementType, [batch, 3]);
        using var output = new HostTensor(header.Output("out_sample")!.ElementType, [batch, frames, 4, latentHeight, latentWidth]);
        using var binding = session.CreateIoBinding();
        using var runOptions = new RunOptions();
        context.Write(embeds, (batch - 1) * embeds.Length);
        var timeIds = SvdConditioning.AddedTimeIds(request.Fps, request.MotionBucketId, request.NoiseAugStrength);
        for (var b = 0; b < batch; b++)
        {
            ids.Write(timeIds, b * 3);
            for (var f = 0; f < frames; f++)
            {
                // The conditioning latent goes to channels 4..7 of every frame; the unconditional half keeps zeros.
                if (b == batch - 1)
                {
                    sample.Write(imageLatent, (((b * frames) + f) * 2 * plane) + plane);
                }
            }
        }

        binding.BindInput("sample", sample.Value);
        binding.BindInput("timestep", timestep.Value);
        binding.BindInput("encoder_hidden_states", context.Value);
        binding.BindInput("added_time_ids", ids.Value);
        binding.BindOutput("out_sample", output.Value);

        var scaled = new float[x.Length];
        while (!scheduler.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scale = scheduler.InputScale;
            for (var i = 0; i < x.Length; i++)
            {
                scaled[i] = (float)(x[i] * scale);
            }

            for (var b = 0; b < batch; b++)
            {
                for (var f = 0; f < frames; f++)
                {
                    sample.Write(scaled.AsSpan(f * plane, plane), ((b * frames) + f) * 2 * plane);
                }
            }

            var t = scheduler.Timestep;
            timestep.Fill(t);
            session.RunWithBinding(runOptions, binding);
            binding.SynchronizeBoundOutputs();
            var raw = output.Read();
            var noisePrediction = guided ? new float[x.Length] : raw;
            if (guided)
            {
                for (var i = 0; i < x.Length; i++)
                {
                    var u = raw[i];
                    noisePrediction[i] = u + (ramp[i / plane] * (raw[x.Length + i] - u));
                }
            }

            var input = (float[])scaled.Clone();
            x = scheduler.Step(noisePrediction, x);
            observe?.Invoke(new DenoiseStep(t, input, raw, noisePrediction, x));
        }

        return x;
    }

    /// <summary>latents / 0.18215 through the temporal decoder, <paramref name="chunk"/> frames at a time.</summary>
    internal IReadOnlyList<RgbImage> Decode(float[] latents, int frames, int latentHeight, int latentWidth, int chunk)
    {
        var decoder = Folder.VaeDecoder;
        var plane = 4 * latentHeight * latentWidth;
        var result = new List<RgbImage>(frames);
        using var runOptions = new RunOptions();
        foreach (var (start, end) in SvdConditioning.DecodeChunks(frames, chunk))
        {
            var n = end - start;
            using var input = new HostTensor(decoder.Header.Input("latent_sample")!.ElementType, [n, 4, latentHeight, latentWidth]);
            var scaled = new float[n * plane];
            for (var i = 0; i < scaled.Length; i++)
            {
                scaled[i] = (float)(latents[(start * plane) + i] / SvdFolder.VaeScale);
            }

            input.Write(scaled);
            var names = new List<string> { "latent_sample" };
            var values = new List<OrtValue> { input.Value };
            HostTensor? count = null;
            if (decoder.Header.Input("num_frames") is { } numFrames)
            {
                count = new HostTensor(numFrames.ElementType, numFrames.Rank == 0 ? [] : [1]);
                count.Fill(n);
                names.Add("num_frames");
                values.Add(count.Value);
            }

            using (count)
            using (var outputs = sessions.For(decoder).Run(runOptions, names, values, ["sample"]))
            {
                var shape = outputs[0].GetTensorTypeAndShape().Shape;
                var pixels = HostTensor.ReadFrom(outputs[0]);
                var (height, width) = ((int)shape[2], (int)shape[3]);
                var pixelPlane = height * width;
                if (shape[0] != n || shape[1] != 3)
                {
                    throw new ModelFolderException(decoder.ModelPath, $"gave [{string.Join(", ", shape)}]; expected [{n}, 3, height, width].");
                }

                for (var f = 0; f < n; f++)
                {
                    var rgb = new byte[3 * pixelPlane];
                    for (var i = 0; i < pixelPlane; i++)
                    {
                        for (var c = 0; c < 3; c++)
                        {
                            rgb[(i * 3) + c] = VaeCodec.ToByte(pixels[(((f * 3) + c) * pixelPlane) + i]);
                        }
                    }

                    result.Add(new RgbImage(width, height, rgb));
                }
            }
        }

        return result;
    }

    private static float[] ToPlanar(RgbImage image)
    {
        var plane = image.Width * image.Height;
        var planar = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                planar[(c * plane) + i] = (image.Pixels[(i * 3) + c] / 255f * 2f) - 1f;
            }
        }

        return planar;
    }

    // CLIP's input: 224x224 (bilinear, sampled at pixel centres), [0, 1], normalized by CLIP's mean and std.
    // diffusers blurs (antialias) before a bicubic resize; this resize is not pinned to it.
    private float[] EncodeImage(RgbImage image)
    {
        var spec = Folder.ImageEncoder.Header.Input("pixel_values")!;
        var size = (int)(spec.Dims[2] ?? 224);
        var pixels = new float[3 * size * size];
        for (var y = 0; y < size; y++)
        {
            var sy = Math.Clamp((((y + 0.5) * image.Height) / size) - 0.5, 0, image.Height - 1);
            var (y0, fy) = ((int)sy, (float)(sy - (int)sy));
            var y1 = Math.Min(y0 + 1, image.Height - 1);
            for (var x = 0; x < size; x++)
            {
                var sx = Math.Clamp((((x + 0.5) * image.Width) / size) - 0.5, 0, image.Width - 1);
                var (x0, fx) = ((int)sx, (float)(sx - (int)sx));
                var x1 = Math.Min(x0 + 1, image.Width - 1);
                for (var c = 0; c < 3; c++)
                {
                    float At(int yy, int xx) => image.Pixels[(((yy * image.Width) + xx) * 3) + c] / 255f;
                    var top = At(y0, x0) + (fx * (At(y0, x1) - At(y0, x0)));
                    var bottom = At(y1, x0) + (fx * (At(y1, x1) - At(y1, x0)));
                    pixels[(c * size * size) + (y * size) + x] = (top + (fy * (bottom - top)) - ClipMean[c]) / ClipStd[c];
                }
            }
        }

        using var input = new HostTensor(spec.ElementType, [1, 3, size, size]);
        input.Write(pixels);
        using var runOptions = new RunOptions();
        using var results = sessions.For(Folder.ImageEncoder).Run(runOptions, ["pixel_values"], [input.Value], ["image_embeds"]);
        return HostTensor.ReadFrom(results[0]);
    }

    // latent_dist.mode(): the encoder's latent, or the mean half of mean and log-variance; unscaled, as SVD feeds it.
    private float[] EncodeLatent(float[] planar, int height, int width)
    {
        var encoder = Folder.VaeEncoder;
        using var input = new HostTensor(encoder.Header.Input("sample")!.ElementType, [1, 3, height, width]);
        input.Write(planar);
        var name = encoder.Header.Outputs.First(o => o.Name is "latent_sample" or "latent_parameters").Name;
        using var runOptions = new RunOptions();
        using var results = sessions.For(encoder).Run(runOptions, ["sample"], [input.Value], [name]);
        var raw = HostTensor.ReadFrom(results[0]);
        var size = 4 * (height / 8) * (width / 8);
        if (raw.Length != size * (name == "latent_parameters" ? 2 : 1))
        {
            throw new ModelFolderException(encoder.ModelPath, $"gave {raw.Length} values; expected {(name == "latent_parameters" ? 2 * size : size)} for a {width}x{height} frame.");
        }

        return raw[..size];
    }
}
