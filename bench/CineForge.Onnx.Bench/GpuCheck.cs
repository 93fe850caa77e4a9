using System.Diagnostics;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Tests.Models;
using CineForge.Onnx.Tests.Video;
using CineForge.Onnx.Video;
using CineForge.Runtime.Imaging;

namespace CineForge.Onnx.Bench;

/// <summary>
/// The tiny SD and SVD folders of the tests, run on the CUDA provider and on the CPU provider: the
/// CPU results are the ones the reference tests pin to diffusers' formulas, so the largest byte
/// difference says how far CUDA lands from the reference. Exit 0 when every output is within
/// <see cref="ByteTolerance"/>, 1 when not, 2 when CUDA does not load.
/// </summary>
internal static class GpuCheck
{
    /// <summary>Largest byte difference allowed between CUDA and CPU (float reassociation on the GPU).</summary>
    public const int ByteTolerance = 2;

    public static int Run()
    {
        var root = Directory.CreateTempSubdirectory("cineforge-gpu-check-");
        try
        {
            TinyStableDiffusion.Write(root.FullName);
            TinySvd.Write(root.FullName);
            var keyframe = new ImageRequest("a lighthouse at dusk", "blurry", 64, 64, 8, 7.5, 1207);
            var video = new VideoRequest(Steps: 8, Seed: 1207, MotionBucketId: 105, NoiseAugStrength: 0.03);
            var results = new Dictionary<ExecutionDevice, (RgbImage Image, IReadOnlyList<RgbImage> Frames, string Provider)>();
            foreach (var device in new[] { ExecutionDevice.Cpu, ExecutionDevice.Cuda })
            {
                try
                {
                    using var sd = StableDiffusionPipeline.Open(root.FullName, new OnnxBackendOptions(device));
                    using var svd = StableVideoDiffusionPipeline.Open(root.FullName, new OnnxBackendOptions(device));
                    var image = Timed($"{device} txt2img 64x64, {keyframe.Steps} steps", () => sd.TextToImage(keyframe).Image);
                    Timed($"{device} txt2img again (sessions warm)", () => sd.TextToImage(keyframe).Image);
                    var frames = Timed($"{device} img2vid {svd.Folder.NativeFrames} frames, {video.Steps} steps", () => svd.ImageToVideo(image, video));
                    results[device] = (image, frames, sd.Provider);
                }
                catch (Exception ex) when (device == ExecutionDevice.Cuda)
                {
                    Console.WriteLine($"CUDA: did not load: {ex.Message}");
                    return 2;
                }
            }

            var cpu = results[ExecutionDevice.Cpu];
            var cuda = results[ExecutionDevice.Cuda];
            var keyframeDiff = MaxDifference(cpu.Image, cuda.Image);
            var videoDiff = cpu.Frames.Zip(cuda.Frames).Max(p => MaxDifference(p.First, p.Second));
            Console.WriteLine($"providers: {cpu.Provider} and {cuda.Provider}");
            Console.WriteLine($"txt2img: largest byte difference CUDA vs CPU (= reference): {keyframeDiff}");
            Console.WriteLine($"img2vid: largest byte difference CUDA vs CPU (= reference): {videoDiff}");
            var ok = keyframeDiff <= ByteTolerance && videoDiff <= ByteTolerance;
            Console.WriteLine(ok ? $"OK: within {ByteTolerance}" : $"FAIL: above {ByteTolerance}");
            return ok ? 0 : 1;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static T Timed<T>(string what, Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        Console.WriteLine($"{what}: {clock.Elapsed.TotalMilliseconds:0.0} ms");
        return result;
    }

    private static int MaxDifference(RgbImage a, RgbImage b) =>
        a.Pixels.Length != b.Pixels.Length ? int.MaxValue : a.Pixels.Zip(b.Pixels).Max(p => Math.Abs(p.First - p.Second));
}
