// ONNX backend benchmarks, timed against a baseline in the same run (ratios, not absolute numbers).
//   sampler [WxH]        host work of one denoising step (guidance, DPM++ 2M update, float16 in and
//                        out) vs copying the same latents once (the floor of any host round trip)
//   check [MB]           model folder check (header streamed, weights skipped) of a UNet file with
//                        MB of weights vs hashing the same file (what reading it costs)
//   parallax [WxH]       one depth-parallax frame vs the same frame with parallax 0 (the plain move
//                        through the same renderer)
//   gpu                  the tests' tiny SD and SVD folders on the CUDA provider against the CPU provider
//                        (whose results the reference tests pin to diffusers' formulas): the largest byte
//                        difference of each output and the time of each call (bench/gpu/run.sh)
// A plain Stopwatch harness: each case is a few large operations, not micro-benchmarks.
using System.Diagnostics;
using System.Globalization;
using CineForge.Onnx.Depth;
using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Scheduling;
using CineForge.Runtime.Imaging;
using Google.Protobuf;
using Onnx;

var mode = args.Length > 0 ? args[0] : "sampler";
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
switch (mode)
{
    case "sampler":
        Sampler(Size(args, 512, 512));
        break;
    case "check":
        Check(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024);
        break;
    case "parallax":
        Parallax(Size(args, 1536, 864));
        break;
    case "gpu":
        return CineForge.Onnx.Bench.GpuCheck.Run();
    default:
        Console.Error.WriteLine($"unknown mode {mode}: sampler, check, parallax or gpu");
        return 2;
}

return 0;

static (int Width, int Height) Size(string[] args, int width, int height)
{
    if (args.Length < 2)
    {
        return (width, height);
    }

    var parts = args[1].Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    return (parts[0], parts[1]);
}

static double Time(int repeats, Action action)
{
    action();
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < repeats; i++)
    {
        action();
    }

    return watch.Elapsed.TotalMilliseconds / repeats;
}

static void Sampler((int Width, int Height) size)
{
    var plane = 4 * (size.Height / 8) * (size.Width / 8);
    var schedule = KarrasSchedule.Create(TrainingSchedule.From(SchedulerConfig.StableDiffusion), 30);
    var noise = new GaussianNoise(1).Next(2 * plane);
    var latents = new GaussianNoise(2).Next(plane);
    var halves = new Microsoft.ML.OnnxRuntime.Float16[2 * plane];
    var copy = new float[2 * plane];

    var baseline = Time(200, () => Array.Copy(noise, copy, noise.Length));
    var step = Time(200, () =>
    {
        // In: the latent twice as float16; out: float16 noise back to float; guidance; the update.
        for (var i = 0; i < 2 * plane; i++)
        {
            halves[i] = (Microsoft.ML.OnnxRuntime.Float16)latents[i % plane];
        }

        for (var i = 0; i < 2 * plane; i++)
        {
            copy[i] = (float)halves[i];
        }

        var guided = new float[plane];
        for (var i = 0; i < plane; i++)
        {
            guided[i] = noise[i] + (5.5f * (noise[plane + i] - noise[i]));
        }

        var solver = new DpmSolverMultistep(schedule, PredictionType.Epsilon, 10);
        solver.Step(guided, latents);
        solver.Step(guided, latents);
    }) / 2;
    Console.WriteLine($"sampler {size.Width}x{size.Height} ({plane} latent values): host work per step {step:0.000} ms; copying the latents {baseline:0.000} ms; ratio {step / baseline:0.0}");
}

static void Check(int megabytes)
{
    var folder = Directory.CreateTempSubdirectory("cineforge-onnx-bench-").FullName;
    try
    {
        var path = Path.Combine(folder, "model.onnx");
        WriteLargeModel(path, megabytes);
        var check = Time(20, () => OnnxGraphHeader.Read(path));
        var hash = Time(1, () => ModelFolder.Sha256(path));
        Console.WriteLine($"check of a {megabytes} MB model file: header {check:0.000} ms; SHA-256 of the file {hash:0.0} ms; ratio {hash / check:0}x");
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static void WriteLargeModel(string path, int megabytes)
{
    var graph = new GraphProto { Name = "bench" };
    var tensor = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
    var count = megabytes * 1024L * 1024 / 4;
    tensor.Dims.Add(count);
    tensor.RawData = ByteString.CopyFrom(new byte[count * 4]);
    graph.Initializer.Add(tensor);
    foreach (var name in new[] { "sample", "timestep", "encoder_hidden_states" })
    {
        graph.Input.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 10, Shape = new TensorShapeProto() } } });
    }

    graph.Output.Add(new ValueInfoProto { Name = "out_sample", Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 10, Shape = new TensorShapeProto() } } });
    var model = new ModelProto { IrVersion = 8, Graph = graph };
    using var file = File.Create(path);
    model.WriteTo(file);
}

static void Parallax((int Width, int Height) size)
{
    var (cw, ch) = (size.Width + (2 * (int)(size.Width * 0.12)), size.Height + (2 * (int)(size.Height * 0.12)));
    var rgb = new byte[cw * ch * 3];
    var nearness = new float[cw * ch];
    for (var y = 0; y < ch; y++)
    {
        for (var x = 0; x < cw; x++)
        {
            var i = (y * cw) + x;
            rgb[i * 3] = (byte)(x * 7);
            rgb[(i * 3) + 1] = (byte)(y * 5);
            rgb[(i * 3) + 2] = (byte)((x + y) * 3);
            var dx = (x - (cw / 2.0)) / cw;
            var dy = (y - (ch / 2.0)) / ch;
            nearness[i] = (dx * dx) + (dy * dy) < 0.04 ? 1f : (float)y / ch * 0.5f;
        }
    }

    var picture = new RgbImage(cw, ch, rgb);
    var depth = new DepthMap(cw, ch, nearness);
    var frame = new byte[size.Width * size.Height * 3];
    var view = new ParallaxView(1.08, 30, -12);
    var plain = new ParallaxRenderer(picture, depth, 0);
    var deep = new ParallaxRenderer(picture, depth, 0.6);
    var baseline = Time(5, () => plain.Render(view, size.Width, size.Height, frame));
    var parallax = Time(5, () => deep.Render(view, size.Width, size.Height, frame));
    Console.WriteLine($"parallax {size.Width}x{size.Height}: {parallax:0.0} ms per frame; parallax 0 {baseline:0.0} ms; ratio {parallax / baseline:0.00}; {1000 / parallax:0.0} frames/s");
}
