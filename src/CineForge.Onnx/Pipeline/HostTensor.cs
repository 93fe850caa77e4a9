using CineForge.Onnx.Models;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Pipeline;

/// <summary>
/// A host buffer of the element type a model input or output declares, with an OrtValue pinned
/// over it: writing the buffer changes what the bound tensor holds, so an IOBinding is made once
/// and reused every step. Values go in and out as float and are converted to float16 or integers here.
/// </summary>
internal sealed class HostTensor : IDisposable
{
    private readonly float[]? floats;
    private readonly Float16[]? halves;
    private readonly long[]? longs;
    private readonly int[]? ints;

    public HostTensor(OnnxElementType type, long[] shape)
    {
        Type = type;
        Shape = shape;
        Length = checked((int)shape.Aggregate(1L, (a, b) => a * b));
        Value = type switch
        {
            OnnxElementType.Float => OrtValue.CreateTensorValueFromMemory(floats = new float[Length], shape),
            OnnxElementType.Float16 => OrtValue.CreateTensorValueFromMemory(halves = new Float16[Length], shape),
            OnnxElementType.Int64 => OrtValue.CreateTensorValueFromMemory(longs = new long[Length], shape),
            OnnxElementType.Int32 => OrtValue.CreateTensorValueFromMemory(ints = new int[Length], shape),
            _ => throw new NotSupportedException($"Tensors of {type.OnnxName()} are not supported."),
        };
    }

    public OnnxElementType Type { get; }

    public long[] Shape { get; }

    public int Length { get; }

    public OrtValue Value { get; }

    public void Write(ReadOnlySpan<float> values, int offset = 0)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Set(offset + i, values[i]);
        }
    }

    public void Fill(double value)
    {
        for (var i = 0; i < Length; i++)
        {
            Set(i, value);
        }
    }

    public void WriteIds(IReadOnlyList<int> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ints is not null)
            {
                ints[i] = ids[i];
            }
            else if (longs is not null)
            {
                longs[i] = ids[i];
            }
            else
            {
                throw new NotSupportedException($"Token ids go into int32 or int64 tensors, not {Type.OnnxName()}.");
            }
        }
    }

    public float[] Read() => ReadFrom(Value, Length);

    /// <summary>Reads a float or float16 OrtValue as float.</summary>
    public static float[] ReadFrom(OrtValue value, int? expectedLength = null)
    {
        var info = value.GetTensorTypeAndShape();
        var length = checked((int)info.ElementCount);
        if (expectedLength is { } n && n != length)
        {
            throw new InvalidOperationException($"Expected {n} values, the model gave {length}.");
        }

        var result = new float[length];
        switch (info.ElementDataType)
        {
            case Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float:
                value.GetTensorDataAsSpan<float>().CopyTo(result);
                break;
            case Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float16:
                var span = value.GetTensorDataAsSpan<Float16>();
                for (var i = 0; i < length; i++)
                {
                    result[i] = (float)span[i];
                }

                break;
            default:
                throw new NotSupportedException($"Expected a float or float16 output, got {info.ElementDataType}.");
        }

        return result;
    }

    public void Dispose() => Value.Dispose();

    private void Set(int index, double value)
    {
        if (floats is not null)
        {
            floats[index] = (float)value;
        }
        else if (halves is not null)
        {
            halves[index] = (Float16)(float)value;
        }
        else if (longs is not null)
        {
            longs[index] = (long)Math.Round(value);
        }
        else
        {
            ints![index] = (int)Math.Round(value);
        }
    }
}
