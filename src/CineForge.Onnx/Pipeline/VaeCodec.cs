using CineForge.Onnx.Models;
using CineForge.Runtime.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Pipeline;

/// <summary>
/// Latents to pixels and back. Decoding divides by the VAE scale and maps [-1, 1] to bytes with
/// round-half-to-even. Encoding maps bytes to [-1, 1]; an encoder that outputs mean and
/// log-variance is sampled with the seeded noise (mean + exp(logvar/2) * n), as img2img does, and
/// the latent is multiplied by the VAE scale.
/// </summary>
internal sealed class VaeCodec(ModelFolder folder, OnnxSessions sessions)
{
    public RgbImage Decode(float[] latents, int channels, int latentHeight, int latentWidth)
    {
        var decoder = folder.VaeDecoder;
        using var input = new HostTensor(decoder.Header.Input("latent_sample")!.ElementType, [1, channels, latentHeight, latentWidth]);
        var scaled = new float[latents.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (float)(latents[i] / folder.VaeScale);
        }

        input.Write(scaled);
        using var runOptions = new RunOptions();
        using var results = sessions.For(decoder).Run(runOptions, ["latent_sample"], [input.Value], ["sample"]);
        var shape = results[0].GetTensorTypeAndShape().Shape;
        var (height, width) = ((int)shape[2], (int)shape[3]);
        var planar = HostTensor.ReadFrom(results[0]);
        var plane = height * width;
        if (shape[1] != 3 || planar.Length != 3 * plane)
        {
            throw new ModelFolderException(decoder.ModelPath, $"gave [{string.Join(", ", shape)}]; expected [1, 3, height, width].");
        }

        var rgb = new byte[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                rgb[(i * 3) + c] = ToByte(planar[(c * plane) + i]);
            }
        }

        return new RgbImage(width, height, rgb);
    }

    /// <summary>A decoded value in [-1, 1] to a byte: (x / 2 + 0.5) clamped to [0, 1], times 255, rounded half to even.</summary>
    internal static byte ToByte(float value)
    {
        var v = Math.Clamp((value / 2f) + 0.5f, 0f, 1f);
        return (byte)MathF.Round(v * 255f, MidpointRounding.ToEven);
    }

    /// <summary>latent_dist.sample() * scaling_factor: (mean + exp(clamp(logvar, -30, 20) / 2) * draw) * scale.</summary>
    internal static float SampleLatent(float mean, float logVariance, float draw, double scale)
    {
        var value = mean + (MathF.Exp(0.5f * Math.Clamp(logVariance, -30f, 20f)) * draw);
        return (float)(value * scale);
    }

    public float[] Encode(RgbImage image, int latentChannels, Func<int, float[]> noise)
    {
        var encoder = folder.VaeEncoder ?? throw new ModelFolderException(Path.Combine(folder.Root, "vae_encoder", "model.onnx"), "is missing; img2img needs the VAE encoder.");
        var plane = image.Width * image.Height;
        using var input = new HostTensor(encoder.Header.Input("sample")!.ElementType, [1, 3, image.Height, image.Width]);
        var planar = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                planar[(c * plane) + i] = (image.Pixels[(i * 3) + c] / 255f * 2f) - 1f;
            }
        }

        input.Write(planar);
        var outputName = encoder.Header.Outputs.First(o => o.Name is "latent_sample" or "latent_parameters").Name;
        using var runOptions = new RunOptions();
        using var results = sessions.For(encoder).Run(runOptions, ["sample"], [input.Value], [outputName]);
        var raw = HostTensor.ReadFrom(results[0]);
        var size = raw.Length / (outputName == "latent_parameters" ? 2 : 1);
        if (size % latentChannels != 0)
        {
            throw new ModelFolderException(encoder.ModelPath, $"gave {raw.Length} values; expected a multiple of {latentChannels} latent channels.");
        }

        var latent = new float[size];
        var draws = outputName == "latent_parameters" ? noise(size) : null;
        for (var i = 0; i < size; i++)
        {
            latent[i] = draws is null ? (float)(raw[i] * folder.VaeScale) : SampleLatent(raw[i], raw[size + i], draws[i], folder.VaeScale);
        }

        return latent;
    }
}
