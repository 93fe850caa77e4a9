namespace CineForge.Onnx.Pipeline;

/// <summary>Where the models run.</summary>
public enum ExecutionDevice
{
    /// <summary>CUDA when the CUDA execution provider loads, otherwise the CPU with a one-line notice.</summary>
    Auto,

    /// <summary>CUDA only; fails when it cannot load.</summary>
    Cuda,

    /// <summary>The CPU provider.</summary>
    Cpu,
}

/// <summary>How the ONNX backend runs.</summary>
/// <param name="Device">Provider choice.</param>
/// <param name="CudaDeviceId">GPU ordinal for CUDA.</param>
/// <param name="Notice">Receives one-line notices (CPU fallback, prompts cut at 77 tokens); null to drop them.</param>
public sealed record OnnxBackendOptions(ExecutionDevice Device = ExecutionDevice.Auto, int CudaDeviceId = 0, Action<string>? Notice = null);
