namespace CineForge.Onnx.Models;

/// <summary>
/// The inputs and outputs a Stable Diffusion component must declare, by the names the standard
/// ONNX exports (diffusers, Optimum) give them. "float" accepts float32 and float16.
/// </summary>
internal static class ComponentExpectation
{
    public static readonly Port[] TextEncoderInputs = [new("input_ids", Kind.Integer, 2)];
    public static readonly Port[] TextEncoderOutputs = [new("last_hidden_state", Kind.Float, 3)];
    public static readonly Port[] TextEncoder2Outputs = [new("text_embeds", Kind.Float, 2)];
    public static readonly Port[] UnetInputs = [new("sample", Kind.Float, 4), new("timestep", Kind.Number, 0, 1), new("encoder_hidden_states", Kind.Float, 3)];
    public static readonly Port[] UnetXlInputs = [new("text_embeds", Kind.Float, 2), new("time_ids", Kind.Float, 2)];
    public static readonly Port[] UnetOutputs = [new("out_sample", Kind.Float, 4)];
    public static readonly Port[] VaeDecoderInputs = [new("latent_sample", Kind.Float, 4)];
    public static readonly Port[] VaeDecoderOutputs = [new("sample", Kind.Float, 4)];
    public static readonly Port[] VaeEncoderInputs = [new("sample", Kind.Float, 4)];

    /// <summary>The VAE encoder's output: a sampled latent (diffusers) or mean and log-variance (Optimum).</summary>
    public static readonly string[] VaeEncoderOutputNames = ["latent_sample", "latent_parameters"];

    public enum Kind
    {
        Float,
        Integer,
        Number,
    }

    public sealed record Port(string Name, Kind Kind, params int[] Ranks)
    {
        public bool Accepts(TensorSpec spec) => Ranks.Contains(spec.Rank) && Kind switch
        {
            Kind.Float => spec.ElementType is OnnxElementType.Float or OnnxElementType.Float16,
            Kind.Integer => spec.ElementType is OnnxElementType.Int32 or OnnxElementType.Int64,
            _ => spec.ElementType is OnnxElementType.Float or OnnxElementType.Float16 or OnnxElementType.Int32 or OnnxElementType.Int64,
        };

        public string Describe() =>
            $"\"{Name}\" ({Kind switch { Kind.Float => "float32 or float16", Kind.Integer => "int32 or int64", _ => "int64, float32 or float16" }}, rank {string.Join(" or ", Ranks)})";
    }
}
