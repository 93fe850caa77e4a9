using CineForge.Onnx.Models;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Pipeline;

/// <summary>
/// The ONNX Runtime sessions of one model folder, each created once (on first use) and reused for
/// every image of the render. The execution provider is chosen once: CUDA first (cuDNN's
/// convolution algorithm picked by heuristic, not by timing, so reruns take the same kernels and
/// give the same bits), the CPU provider when CUDA cannot load, with a one-line notice.
/// </summary>
public sealed class OnnxSessions : IDisposable
{
    private readonly Dictionary<string, InferenceSession> sessions = [];
    private readonly SessionOptions options;

    /// <summary>Chooses the provider for <paramref name="backend"/>; no model is loaded yet.</summary>
    public OnnxSessions(OnnxBackendOptions backend)
    {
        (options, Provider) = CreateOptions(backend);
    }

    /// <summary>"CUDA" or "CPU".</summary>
    public string Provider { get; }

    /// <summary>Sessions created so far (each component once unless released).</summary>
    public int SessionsCreated { get; private set; }

    /// <summary>The session of <paramref name="component"/>, created on first use.</summary>
    public InferenceSession For(ModelComponent component)
    {
        if (!sessions.TryGetValue(component.ModelPath, out var session))
        {
            try
            {
                session = new InferenceSession(component.ModelPath, options);
                SessionsCreated++;
            }
            catch (OnnxRuntimeException e)
            {
                throw new ModelFolderException(component.ModelPath, $"could not be loaded by ONNX Runtime ({e.Message}).");
            }

            sessions[component.ModelPath] = session;
        }

        return session;
    }

    /// <summary>Frees the session of <paramref name="component"/> (and its device memory) until it is needed again.</summary>
    public void Release(ModelComponent component)
    {
        if (sessions.Remove(component.ModelPath, out var session))
        {
            session.Dispose();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        sessions.Clear();
        options.Dispose();
    }

    private static (SessionOptions Options, string Provider) CreateOptions(OnnxBackendOptions backend)
    {
        if (backend.Device != ExecutionDevice.Cpu)
        {
            var cuda = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            try
            {
                using var provider = new OrtCUDAProviderOptions();
                provider.UpdateOptions(new Dictionary<string, string>
                {
                    ["device_id"] = backend.CudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["cudnn_conv_algo_search"] = "HEURISTIC",
                });
                cuda.AppendExecutionProvider_CUDA(provider);
                return (cuda, "CUDA");
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                cuda.Dispose();
                if (backend.Device == ExecutionDevice.Cuda)
                {
                    throw new InvalidOperationException($"The CUDA execution provider could not be loaded: {FirstLine(e.Message)}", e);
                }

                backend.Notice?.Invoke($"CUDA execution provider unavailable ({FirstLine(e.Message)}); running on the CPU.");
            }
        }

        return (new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL }, "CPU");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
