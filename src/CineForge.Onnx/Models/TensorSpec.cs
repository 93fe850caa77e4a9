namespace CineForge.Onnx.Models;

/// <summary>An ONNX graph input or output: name, element type and shape (a null dim is symbolic).</summary>
/// <param name="Name">The tensor name, e.g. "encoder_hidden_states".</param>
/// <param name="ElementType">ONNX element type.</param>
/// <param name="Dims">Dimensions; null where the export left a named (dynamic) dimension.</param>
public sealed record TensorSpec(string Name, OnnxElementType ElementType, IReadOnlyList<long?> Dims)
{
    /// <summary>Number of dimensions.</summary>
    public int Rank => Dims.Count;

    /// <summary>"sample: float16[batch, 4, h, w]"-style text (dynamic dims shown as "?").</summary>
    public override string ToString() =>
        $"{Name}: {ElementType.OnnxName()}[{string.Join(", ", Dims.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"))}]";
}

/// <summary>The ONNX TensorProto.DataType values the Stable Diffusion exports use.</summary>
public enum OnnxElementType
{
    /// <summary>Not set or not one listed here.</summary>
    Undefined = 0,

    /// <summary>float32.</summary>
    Float = 1,

    /// <summary>uint8.</summary>
    UInt8 = 2,

    /// <summary>int8.</summary>
    Int8 = 3,

    /// <summary>int32.</summary>
    Int32 = 6,

    /// <summary>int64.</summary>
    Int64 = 7,

    /// <summary>bool.</summary>
    Bool = 9,

    /// <summary>float16.</summary>
    Float16 = 10,

    /// <summary>float64.</summary>
    Double = 11,

    /// <summary>bfloat16.</summary>
    BFloat16 = 16,
}

/// <summary>Names of <see cref="OnnxElementType"/> as ONNX prints them.</summary>
public static class OnnxElementTypeNames
{
    /// <summary>"float", "float16", "int64", ...</summary>
    public static string OnnxName(this OnnxElementType type) => type switch
    {
        OnnxElementType.Float => "float",
        OnnxElementType.Float16 => "float16",
        OnnxElementType.BFloat16 => "bfloat16",
        OnnxElementType.Double => "double",
        OnnxElementType.Int32 => "int32",
        OnnxElementType.Int64 => "int64",
        OnnxElementType.Int8 => "int8",
        OnnxElementType.UInt8 => "uint8",
        OnnxElementType.Bool => "bool",
        _ => "undefined",
    };

    /// <summary>Whether the type is a floating-point type.</summary>
    public static bool IsFloat(this OnnxElementType type) =>
        type is OnnxElementType.Float or OnnxElementType.Float16 or OnnxElementType.BFloat16 or OnnxElementType.Double;
}
