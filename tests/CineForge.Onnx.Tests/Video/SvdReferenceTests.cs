using CineForge.Runtime.Imaging;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Scheduling;
using CineForge.Onnx.Video;
using Xunit.Abstractions;
using static CineForge.Onnx.Tests.Reference.ReferenceFixture;

namespace CineForge.Onnx.Tests.Video;

/// <summary>Stable Video Diffusion against diffusers' formulas (tools/diffusers_reference.py), per step and at the end.</summary>
public sealed class SvdReferenceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(25)]
    public void EulerKarras_SigmasFloatTimestepsAndInitNoise(int steps)
    {
        var key = steps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var euler = new EulerKarras(steps);
        AssertClose(Numbers(Get("euler", key, "sigmas")), euler.Sigmas.ToArray(), $"Euler Karras sigmas ({steps})", output, 1e-6);
        AssertClose(Floats(Get("euler", key, "timesteps")), euler.Timesteps.ToArray(), $"0.25 ln sigma timesteps ({steps})", output, 1e-6);
        AssertClose([Get("euler_init_noise_sigma").GetDouble()], [new EulerKarras(25).InitNoiseSigma], "init_noise_sigma", output, 1e-7);
    }

    [Theory]
    [InlineData("14", 1.0, 3.0)]
    [InlineData("25", 1.0, 3.0)]
    [InlineData("3", 1.0, 2.5)]
    public void GuidanceRamp_IsTorchLinspace(string frames, double min, double max) =>
        AssertClose(Floats(Get("svd_ramp", frames)), SvdConditioning.GuidanceRamp(min, max, int.Parse(frames, System.Globalization.CultureInfo.InvariantCulture)), $"guidance ramp over {frames} frames", output, 1e-6);

    [Fact]
    public void AddedTimeIds_AndDecodeChunks()
    {
        var r = Get("svd");
        var ids = SvdConditioning.AddedTimeIds(r.GetProperty("fps").GetInt32(), r.GetProperty("motion_bucket_id").GetInt32(), r.GetProperty("noise_aug_strength").GetDouble());
        Assert.Equal(Floats(r.GetProperty("added_time_ids")[0]), ids);
        var chunks = SvdConditioning.DecodeChunks(r.GetProperty("frames").GetInt32(), r.GetProperty("decode_chunk_size").GetInt32());
        Assert.Equal(r.GetProperty("decode_chunks").EnumerateArray().Select(c => (c[0].GetInt32(), c[1].GetInt32())), chunks);
    }

    [Fact]
    public void Denoise_StepByStep_ThroughOnnxRuntime()
    {
        var r = Get("svd");
        TinySvd.Write(temp.Path, r.GetProperty("frames").GetInt32());
        using var pipeline = StableVideoDiffusionPipeline.Open(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu));
        var shape = r.GetProperty("latent_shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var steps = new List<DenoiseStep>();
        var final = pipeline.Denoise(
            Enumerable.Repeat((float)r.GetProperty("image_embeds_mean").GetDouble(), TinySvd.Embedding).ToArray(),
            Floats(r.GetProperty("image_latent")),
            Floats(r.GetProperty("initial_noise")),
            shape[3],
            shape[4],
            Request(r),
            CancellationToken.None,
            steps.Add);

        var trace = r.GetProperty("trace").EnumerateArray().ToArray();
        Assert.Equal(trace.Length, steps.Count);
        var worst = 0.0;
        for (var i = 0; i < trace.Length; i++)
        {
            AssertClose([trace[i].GetProperty("timestep").GetDouble()], [steps[i].Timestep], $"step {i} float timestep", output, 1e-6);
            worst = Math.Max(worst, AssertClose(Floats(trace[i].GetProperty("model_input")), steps[i].Sample, $"step {i} scale_model_input", output));
            worst = Math.Max(worst, AssertClose(Floats(trace[i].GetProperty("guided")), steps[i].Guided, $"step {i} per-frame guidance", output));
            worst = Math.Max(worst, AssertClose(Floats(trace[i].GetProperty("sample_after")), steps[i].SampleAfter, $"step {i} Euler v-prediction step", output));
        }

        worst = Math.Max(worst, AssertClose(Floats(r.GetProperty("final_latents")), final, "SVD final latents", output));
        output.WriteLine($"SVD: largest difference over all steps {worst:E2}");
    }

    [Fact]
    public void ImageToVideo_EndToEnd_AugmentationEncodingLoopAndChunkedDecoding()
    {
        var r = Get("svd");
        var frames = r.GetProperty("frames").GetInt32();
        TinySvd.Write(temp.Path, frames);
        using var pipeline = StableVideoDiffusionPipeline.Open(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu));
        var (height, width) = (r.GetProperty("height").GetInt32(), r.GetProperty("width").GetInt32());
        var image = Image(width, height);

        var video = pipeline.ImageToVideo(image, Request(r));

        Assert.Equal(frames, video.Count);
        var blocks = r.GetProperty("frame_block_bytes").EnumerateArray().Select(f => f.EnumerateArray().Select(b => b.GetInt32()).ToArray()).ToArray();
        var worst = 0;
        for (var f = 0; f < frames; f++)
        {
            for (var py = 0; py < height; py++)
            {
                for (var px = 0; px < width; px++)
                {
                    worst = Math.Max(worst, Math.Abs(video[f].Pixels[((py * width) + px) * 3] - blocks[f][((py / 8) * (width / 8)) + (px / 8)]));
                }
            }
        }

        output.WriteLine($"SVD frames: largest byte difference {worst} (tolerance 1)");
        Assert.True(worst <= 1, $"frames differ by {worst}");
        var again = pipeline.ImageToVideo(image, Request(r));
        Assert.Equal(video.SelectMany(v => v.Pixels), again.SelectMany(v => v.Pixels));
    }

    internal static RgbImage Image(int width, int height)
    {
        var data = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    data[(((y * width) + x) * 3) + c] = (byte)(((37 * y) + (11 * x) + (71 * c)) % 256);
                }
            }
        }

        return new RgbImage(width, height, data);
    }

    private static VideoRequest Request(System.Text.Json.JsonElement r) => new(
        r.GetProperty("steps").GetInt32(),
        r.GetProperty("seed").GetInt64(),
        r.GetProperty("fps").GetInt32(),
        r.GetProperty("motion_bucket_id").GetInt32(),
        r.GetProperty("noise_aug_strength").GetDouble(),
        r.GetProperty("min_guidance_scale").GetDouble(),
        r.GetProperty("max_guidance_scale").GetDouble(),
        r.GetProperty("decode_chunk_size").GetInt32());
}
