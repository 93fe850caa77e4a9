using CineForge.Runtime.Imaging;
using System.Text.Json;
using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Scheduling;
using CineForge.Onnx.Tests.Models;
using Xunit.Abstractions;
using DataType = Onnx.TensorProto.Types.DataType;
using static CineForge.Onnx.Tests.Reference.ReferenceFixture;

namespace CineForge.Onnx.Tests.Reference;

/// <summary>
/// The Stable Diffusion plumbing between the ONNX calls against diffusers' formulas
/// (tools/diffusers_reference.py): seeded noise, DPM++ 2M Karras sigmas and int64 timesteps, the
/// batched guidance, every scheduler step, the VAE factors (0.18215, 0.13025), the byte
/// conversion, SDXL's add_time_ids and embeddings, img2img's start step, VAE sampling and noising.
/// The loops run through ONNX Runtime over a UNet graph that computes 0.3 x + 0.001 t + mean(context).
/// </summary>
public sealed class StableDiffusionReferenceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Noise_IsTheReferenceGeneratorBitForBit()
    {
        Assert.Equal(Floats(Get("noise", "values")), new GaussianNoise(1234).Next(16));
        Assert.Equal(Floats(Get("noise", "negative_values")), new GaussianNoise(-7).Next(4));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(25)]
    public void DpmKarras_SigmasAndInt64Timesteps(int steps)
    {
        var schedule = KarrasSchedule.Create(TrainingSchedule.From(SchedulerConfig.StableDiffusion), steps);
        AssertClose(Numbers(Get("dpm", steps.ToString(System.Globalization.CultureInfo.InvariantCulture), "sigmas")), schedule.Sigmas.ToArray(), $"DPM sigmas ({steps} steps)", output, 1e-6);
        Assert.Equal(Get("dpm", steps.ToString(System.Globalization.CultureInfo.InvariantCulture), "timesteps").EnumerateArray().Select(t => t.GetInt64()), schedule.Timesteps);
    }

    [Theory]
    [InlineData("sd", false)]
    [InlineData("sd_unguided", false)]
    [InlineData("sd_v", false)]
    [InlineData("txt2img", true)]
    public void TextToImageLoop_StepByStepAndDecoded(string section, bool xl)
    {
        var r = xl ? Get("sdxl", section) : Get(section);
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { Xl = xl });
        WriteReferenceUnet(temp.Path, xl);
        ReferenceDecoder.Write(temp.Combine("vae_decoder", "model.onnx"));
        var prediction = r.GetProperty("prediction").GetString() == "epsilon" ? PredictionType.Epsilon : PredictionType.VPrediction;
        var folder = ModelFolder.Open(temp.Path);
        Assert.Equal(r.GetProperty("vae_scale").GetDouble(), folder.VaeScale);

        var (height, width) = (r.GetProperty("height").GetInt32(), r.GetProperty("width").GetInt32());
        var (h, w) = (height / 8, width / 8);
        var latents = new GaussianNoise(r.GetProperty("seed").GetInt64()).Next(4 * h * w);
        Assert.Equal(Floats(r.GetProperty("initial_latents")), latents);

        var schedule = KarrasSchedule.Create(TrainingSchedule.From(SchedulerConfig.StableDiffusion), r.GetProperty("steps").GetInt32());
        var guidance = r.GetProperty("guidance").GetDouble();
        var width77 = xl ? 2 * 8 : 8;
        TextCondition Condition(double value) => new(Enumerable.Repeat((float)value, 77 * width77).ToArray(), xl ? new float[8] : null);
        var offsets = r.GetProperty("cond_offsets");
        var steps = new List<DenoiseStep>();
        using var sessions = new OnnxSessions(new OnnxBackendOptions(ExecutionDevice.Cpu));
        var final = new UnetDenoiser(folder, sessions).Run(
            new DpmSolverMultistep(schedule, prediction), latents, h, w,
            Condition(offsets.GetProperty("cond").GetDouble()),
            guidance > 1 ? Condition(offsets.GetProperty("uncond").GetDouble()) : null,
            guidance, (height, width), CancellationToken.None, steps.Add);

        var trace = r.GetProperty("trace").EnumerateArray().ToArray();
        Assert.Equal(trace.Length, steps.Count);
        var worst = 0.0;
        for (var i = 0; i < trace.Length; i++)
        {
            Assert.Equal(trace[i].GetProperty("timestep").GetInt64(), (long)steps[i].Timestep);
            worst = Math.Max(worst, AssertClose(Floats(trace[i].GetProperty("model_input")), steps[i].Sample, $"{section} step {i} UNet input (scale_model_input)", output));
            worst = Math.Max(worst, AssertClose(Floats(trace[i].GetProperty("guided")), steps[i].Guided, $"{section} step {i} guided output", output));
            worst = Math.Max(worst, AssertClose(Floats(trace[i].GetProperty("sample_after")), steps[i].SampleAfter, $"{section} step {i} sample", output));
        }

        worst = Math.Max(worst, AssertClose(Floats(r.GetProperty("final_latents")), final, $"{section} final latents", output));
        output.WriteLine($"{section}: largest difference over all steps {worst:E2}");

        var image = new VaeCodec(folder, sessions).Decode(final, 4, h, w);
        var blocks = r.GetProperty("block_bytes").EnumerateArray().Select(b => b.GetInt32()).ToArray();
        var byteWorst = 0;
        for (var py = 0; py < height; py++)
        {
            for (var px = 0; px < width; px++)
            {
                for (var c = 0; c < 3; c++)
                {
                    byteWorst = Math.Max(byteWorst, Math.Abs(image.Pixels[(((py * width) + px) * 3) + c] - blocks[((py / 8) * w) + (px / 8)]));
                }
            }
        }

        output.WriteLine($"{section}: decoded bytes, largest difference {byteWorst} (tolerance 1)");
        Assert.True(byteWorst <= 1, $"decoded bytes differ by {byteWorst}");
        Assert.True(blocks.Distinct().Count() > 1, "the reference picture should vary");
    }

    [Fact]
    public void ByteConversion_HalfToEvenOfClampedHalfPlusHalf()
    {
        var decoded = Floats(Get("bytes", "decoded"));
        var bytes = Get("bytes", "bytes").EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray();
        Assert.Equal(bytes, decoded.Select(VaeCodec.ToByte).ToArray());
    }

    [Fact]
    public void Img2Img_StrengthToStartStep_VaeSampling_AndNoising()
    {
        var r = Get("img2img");
        var steps = r.GetProperty("steps").GetInt32();
        foreach (var plan in r.GetProperty("plans").EnumerateArray())
        {
            var strength = plan.GetProperty("strength").GetDouble();
            var ours = new Img2ImgStrength(steps, strength);
            Assert.Equal(plan.GetProperty("steps_run").GetInt32(), ours.StepsRun);
            if (ours.StepsRun > 0)
            {
                Assert.Equal(plan.GetProperty("begin_index").GetInt32(), ours.BeginIndex);
            }
        }

        var vae = r.GetProperty("vae_encode");
        var (mean, logvar, draw) = (Floats(vae.GetProperty("mean")), Floats(vae.GetProperty("logvar")), Floats(vae.GetProperty("draw")));
        var sampled = mean.Select((m, i) => VaeCodec.SampleLatent(m, logvar[i], draw[i], vae.GetProperty("scale").GetDouble())).ToArray();
        AssertClose(Floats(vae.GetProperty("latent")), sampled, "VAE latent_dist.sample() * 0.18215", output, 1e-6);

        var add = r.GetProperty("add_noise");
        var schedule = KarrasSchedule.Create(TrainingSchedule.From(SchedulerConfig.StableDiffusion), steps);
        var begin = add.GetProperty("begin_index").GetInt32();
        Assert.Equal(add.GetProperty("timestep").GetInt64(), schedule.Timesteps[begin]);
        var noised = DpmSolverMultistep.AddNoise(schedule, begin, Floats(add.GetProperty("clean")), Floats(add.GetProperty("noise")));
        AssertClose(Floats(add.GetProperty("noised")), noised, "img2img add_noise at the start step", output, 1e-6);
    }

    [Fact]
    public void Sdxl_TimeIdsAndConcatenatedEmbeddings()
    {
        foreach (var row in Get("sdxl", "time_ids").EnumerateArray())
        {
            Assert.Equal(Floats(row.GetProperty("ids")), UnetDenoiser.SdxlTimeIds(row.GetProperty("height").GetInt32(), row.GetProperty("width").GetInt32()));
        }

        static float[] Flat(JsonElement e) => e.EnumerateArray().SelectMany(Floats).ToArray();
        var concatenated = PromptEncoder.Concatenate(Flat(Get("sdxl", "hidden_1")), Flat(Get("sdxl", "hidden_2")), 2);
        Assert.Equal(Flat(Get("sdxl", "concatenated")), concatenated);
        Assert.Equal(ModelFolder.StableDiffusionXLVaeScale, Get("sdxl", "vae_scale").GetDouble());
    }

    // out = (0.3 x + 0.001 t) + mean(encoder_hidden_states) per batch entry; SDXL's extra inputs are declared (the loop binds them).
    private static void WriteReferenceUnet(string root, bool xl)
    {
        var folder = Path.Combine(root, "unet");
        File.Delete(Path.Combine(folder, "model.onnx_data"));
        var g = new TinyOnnx()
            .Input("sample", DataType.Float, "batch", 4, "height", "width")
            .Input("timestep", DataType.Int64, 1)
            .Input("encoder_hidden_states", DataType.Float, "batch", 77, xl ? 16 : 8)
            .Output("out_sample", DataType.Float, "batch", 4, "height", "width");
        if (xl)
        {
            g.Input("text_embeds", DataType.Float, "batch", 8).Input("time_ids", DataType.Float, "batch", 6);
        }

        var time = g.Node("Mul", [g.Node("Cast", ["timestep"], null, ("to", (long)DataType.Float)), g.Scalar(0.001f)]);
        var mean = g.Node("ReduceMean", ["encoder_hidden_states"], null, ("axes", new[] { 1L, 2L }), ("keepdims", 1L));
        var bias = g.Node("Unsqueeze", [mean, g.Int64s(3)]);
        g.Node("Add", [g.Node("Add", [g.Node("Mul", ["sample", g.Scalar(0.3f)]), time]), bias], "out_sample");
        g.Save(Path.Combine(folder, "model.onnx"));
    }
}
