namespace CineForge.Onnx.Models;

/// <summary>Which Stable Diffusion family a folder holds, told apart by its files.</summary>
public enum ModelArchitecture
{
    /// <summary>SD 1.x / 2.x class: one CLIP text encoder, UNet conditioned on its hidden states.</summary>
    StableDiffusion,

    /// <summary>SDXL class: two text encoders, pooled text embeddings and size/crop time ids.</summary>
    StableDiffusionXL,
}

/// <summary>Floating-point precision of the UNet's weights and activations.</summary>
public enum ModelPrecision
{
    /// <summary>float32.</summary>
    Float32,

    /// <summary>float16.</summary>
    Float16,
}
