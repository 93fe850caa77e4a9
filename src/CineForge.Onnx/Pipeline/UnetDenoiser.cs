using CineForge.Onnx.Models;
using CineForge.Onnx.Scheduling;
using CineForge.Onnx.Tokenizer;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Pipeline;

/// <summary>
/// The denoising loop. With guidance, the unconditional and conditional halves go through the
/// UNet as one batch of two; the guided noise is e_u + g (e_c - e_u). All UNet inputs and the
/// output are bound once per image through an IOBinding over pinned host buffers, so a step only
/// rewrites the sample and timestep in place; the text condition is written once.
/// </summary>
internal sealed class UnetDenoiser(ModelFolder folder, OnnxSessions sessions)
{
    public float[] Run(
        DpmSolverMultistep solver,
        float[] latents,
        int latentHeight,
        int latentWidth,
        TextCondition condition,
        TextCondition? unconditional,
        double guidance,
        (int Height, int Width) size,
        CancellationToken cancellationToken,
        Action<DenoiseStep>? observe = null)
    {
        var unet = folder.Unet;
        var header = unet.Header;
        var batch = unconditional is null ? 1 : 2;
        var channels = latents.Length / (latentHeight * latentWidth);
        if (header.Input("sample")!.Dims[0] is { } fixedBatch && fixedBatch != batch)
        {
            throw new ModelFolderException(unet.ModelPath, $"was exported for a batch of {fixedBatch}; {(batch == 2 ? "guidance runs the conditional and unconditional halves as a batch of 2" : "one image is a batch of 1")}. Export it with a dynamic batch.");
        }

        var session = sessions.For(unet);

        using var sample = new HostTensor(header.Input("sample")!.ElementType, [batch, channels, latentHeight, latentWidth]);
        using var timestep = new HostTensor(header.Input("timestep")!.ElementType, TimestepShape(header.Input("timestep")!, batch));
        var width = condition.Hidden.Length / ClipTokenizer.SequenceLength;
        using var context = new HostTensor(header.Input("encoder_hidden_states")!.ElementType, [batch, ClipTokenizer.SequenceLength, width]);
        using var output = new HostTensor(header.Output("out_sample")!.ElementType, [batch, channels, latentHeight, latentWidth]);
        using var binding = session.CreateIoBinding();
        using var runOptions = new RunOptions();

        var halves = unconditional is null ? new[] { condition } : [unconditional, condition];
        for (var b = 0; b < batch; b++)
        {
            context.Write(halves[b].Hidden, b * condition.Hidden.Length);
        }

        binding.BindInput("sample", sample.Value);
        binding.BindInput("timestep", timestep.Value);
        binding.BindInput("encoder_hidden_states", context.Value);
        var extras = BindSdxlInputs(binding, header, halves, size);
        binding.BindOutput("out_sample", output.Value);

        try
        {
            var x = latents;
            var plane = x.Length;
            while (!solver.Done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var b = 0; b < batch; b++)
                {
                    sample.Write(x, b * plane);
                }

                timestep.Fill(solver.Timestep);
                session.RunWithBinding(runOptions, binding);
                binding.SynchronizeBoundOutputs();
                var noise = output.Read();
                var guided = batch == 1 ? noise : Guide(noise, plane, guidance);
                var timestepUsed = solver.Timestep;
                var input = x;
                x = solver.Step(guided.AsSpan(0, plane), x);
                observe?.Invoke(new DenoiseStep(timestepUsed, input, noise, guided[..plane], x));
            }

            return x;
        }
        finally
        {
            foreach (var extra in extras)
            {
                extra.Dispose();
            }
        }
    }

    /// <summary>Classifier-free guidance over a batch of [unconditional, conditional]: e_u + g (e_c - e_u).</summary>
    internal static float[] Guide(float[] noise, int plane, double guidance)
    {
        var guided = new float[plane];
        for (var i = 0; i < plane; i++)
        {
            var u = noise[i];
            guided[i] = (float)(u + (guidance * (noise[plane + i] - u)));
        }

        return guided;
    }

    // Rank 0: a scalar; a fixed first dim: that many copies; a dynamic one: one per batch entry.
    private static long[] TimestepShape(TensorSpec spec, int batch) =>
        spec.Rank == 0 ? [] : [spec.Dims[0] ?? batch];

    /// <summary>
    /// SDXL's add_time_ids: original size, crop top-left, target size, each (height, width); the
    /// negative half gets the same ids (no separate negative sizes).
    /// </summary>
    internal static float[] SdxlTimeIds(int height, int width) => [height, width, 0, 0, height, width];

    // SDXL conditions on the pooled text embedding and on (original size, crop top-left, target size).
    private static List<HostTensor> BindSdxlInputs(OrtIoBinding binding, OnnxGraphHeader header, TextCondition[] halves, (int Height, int Width) size)
    {
        var extras = new List<HostTensor>();
        if (header.Input("time_ids") is not { } timeIds || header.Input("text_embeds") is not { } textEmbeds)
        {
            return extras;
        }

        var pooledWidth = halves[0].Pooled!.Length;
        var pooled = new HostTensor(textEmbeds.ElementType, [halves.Length, pooledWidth]);
        var ids = new HostTensor(timeIds.ElementType, [halves.Length, 6]);
        extras.Add(pooled);
        extras.Add(ids);
        for (var b = 0; b < halves.Length; b++)
        {
            pooled.Write(halves[b].Pooled, b * pooledWidth);
            ids.Write(SdxlTimeIds(size.Height, size.Width), b * 6);
        }

        binding.BindInput("text_embeds", pooled.Value);
        binding.BindInput("time_ids", ids.Value);
        return extras;
    }
}

/// <summary>One denoising step as the loop saw it: the UNet's timestep and input sample, its raw output (both halves with guidance), the guided output and the sample after the scheduler step.</summary>
internal sealed record DenoiseStep(double Timestep, float[] Sample, float[] RawOutput, float[] Guided, float[] SampleAfter);
