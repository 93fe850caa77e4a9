using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Scheduling;
using CineForge.Onnx.Tests.Models;
using CineForge.Onnx.Tests.Tokenizer;
using CineForge.Onnx.Tokenizer;

namespace CineForge.Onnx.Tests.Pipeline;

/// <summary>
/// The pipeline's bytes against a computation by hand over models whose arithmetic is known
/// (<see cref="TinyStableDiffusion.WriteAnalytic"/>): token ids, guidance with its halves in the
/// right order, the seeded latent, every scheduler step, the VAE scale and the byte conversion.
/// </summary>
public sealed class AnalyticPipelineTests : IDisposable
{
    private readonly TempFolder temp = new();

    public AnalyticPipelineTests() => TinyStableDiffusion.WriteAnalytic(temp.Path);

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(7.5, 30)]
    [InlineData(2.0, 4)]
    [InlineData(1.0, 4)]
    public void TextToImage_MatchesTheHandComputation(double guidance, int steps)
    {
        var request = new ImageRequest("hello world", "a 42", 32, 24, steps, guidance, Seed: 1234);
        using var pipeline = StableDiffusionPipeline.Open(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu));

        var image = pipeline.TextToImage(request).Image;

        var expected = Expected(request);
        Assert.Equal(expected.Length, image.Pixels.Length);
        var worst = expected.Zip(image.Pixels, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1, $"largest byte difference {worst}");
        Assert.True(expected.Distinct().Count() > 10, "the expected picture should vary");
    }

    private byte[] Expected(ImageRequest request)
    {
        var tokenizer = ClipTokenizer.Load(temp.Combine("tokenizer"));
        double Mean(string prompt) => tokenizer.Encode(prompt).Ids.Average(id => (id - TinyClipVocab.EndId) / 100.0);
        var (c, u) = (Mean(request.Prompt), Mean(request.NegativePrompt));
        var eps = request.GuidanceScale > 1 ? u + (request.GuidanceScale * (c - u)) : c;

        var (h, w) = (request.Height / 8, request.Width / 8);
        var plane = h * w;
        var x = new GaussianNoise(request.Seed).Next(4 * plane);
        var schedule = KarrasSchedule.Create(TrainingSchedule.From(SchedulerConfig.StableDiffusion), request.Steps);
        var solver = new DpmSolverMultistep(schedule, PredictionType.Epsilon);
        var noise = Enumerable.Repeat((float)eps, x.Length).ToArray();
        while (!solver.Done)
        {
            x = solver.Step(noise, x);
        }

        var bytes = new byte[request.Width * request.Height * 3];
        for (var py = 0; py < request.Height; py++)
        {
            for (var px = 0; px < request.Width; px++)
            {
                var at = ((py / 8) * w) + (px / 8);
                var v = (x[at] + x[plane + at] + x[(2 * plane) + at] + x[(3 * plane) + at]) / 4 / 16;
                var b = (byte)Math.Round(Math.Clamp((v / 2) + 0.5, 0, 1) * 255);
                bytes[((py * request.Width) + px) * 3] = b;
                bytes[(((py * request.Width) + px) * 3) + 1] = b;
                bytes[(((py * request.Width) + px) * 3) + 2] = b;
            }
        }

        return bytes;
    }
}
