using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Pipeline;

/// <summary>Which ONNX Runtime execution provider a render would use here, and why.</summary>
/// <param name="Provider">"CUDA" or "CPU" ("none" when ONNX Runtime's natives do not load at all).</param>
/// <param name="Reason">Why: the install's natives, the CUDA libraries, or the device asked for.</param>
public sealed record ProviderChoice(string Provider, string Reason);

/// <summary>
/// Chooses the execution provider as <see cref="OnnxSessions"/> will: CUDA when this install carries
/// the CUDA provider (the opt-in GPU install) and it loads, else the CPU. The CPU install carries no
/// GPU natives, so CUDA is then absent from ONNX Runtime's providers.
/// </summary>
public static class ExecutionProviders
{
    /// <summary>The CUDA provider's name in <see cref="OrtEnv.GetAvailableProviders"/>.</summary>
    public const string Cuda = "CUDAExecutionProvider";

    /// <summary>The provider a render with <paramref name="options"/> would use, and why.</summary>
    public static ProviderChoice Choose(OnnxBackendOptions? options = null)
    {
        options ??= new OnnxBackendOptions();
        if (options.Device == ExecutionDevice.Cpu)
        {
            return new ProviderChoice("CPU", "the CPU device was asked for");
        }

        string[] available;
        try
        {
            available = OrtEnv.Instance().GetAvailableProviders();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or OnnxRuntimeException or EntryPointNotFoundException)
        {
            return new ProviderChoice("none", $"ONNX Runtime's natives do not load ({FirstLine(e.Message)})");
        }

        if (!available.Contains(Cuda, StringComparer.Ordinal))
        {
            return new ProviderChoice("CPU", "this is the CPU install: it carries no CUDA provider (GPU install: ./cineforge --gpu, or build with -p:CineForgeGpu=true; see docs/onnx-backend.md)");
        }

        try
        {
            using var session = new SessionOptions();
            using var provider = new OrtCUDAProviderOptions();
            provider.UpdateOptions(new Dictionary<string, string> { ["device_id"] = options.CudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            session.AppendExecutionProvider_CUDA(provider);
            return new ProviderChoice("CUDA", $"the GPU install's CUDA provider loads (device {options.CudaDeviceId})");
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return new ProviderChoice("CPU", $"the GPU install carries the CUDA provider, but it does not load ({FirstLine(e.Message)}): the CUDA and cuDNN libraries it was built against must be on the library path");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
