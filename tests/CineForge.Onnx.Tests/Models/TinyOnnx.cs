using Google.Protobuf;
using Onnx;

namespace CineForge.Onnx.Tests.Models;

/// <summary>A small graph builder over OnnxSharp's ONNX protobuf classes (opset 17).</summary>
public sealed class TinyOnnx
{
    private readonly GraphProto graph = new() { Name = "tiny" };
    private int counter;

    public TinyOnnx Input(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        graph.Input.Add(ValueInfo(name, type, dims));
        return this;
    }

    public TinyOnnx Output(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        graph.Output.Add(ValueInfo(name, type, dims));
        return this;
    }

    /// <summary>Adds a float initializer; with <paramref name="externalFile"/> its bytes go to that file (relative location).</summary>
    public string Weights(float[] values, long[] dims, string? externalFile = null, string? folder = null)
    {
        var name = $"w{counter++}";
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        if (externalFile is null)
        {
            tensor.RawData = ByteString.CopyFrom(bytes);
        }
        else
        {
            var path = Path.Combine(folder!, externalFile);
            long offset = File.Exists(path) ? new FileInfo(path).Length : 0;
            using (var stream = new FileStream(path, FileMode.Append))
            {
                stream.Write(bytes);
            }

            tensor.DataLocation = TensorProto.Types.DataLocation.External;
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = externalFile });
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            tensor.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        graph.Initializer.Add(tensor);
        return name;
    }

    public string Int64s(params long[] values)
    {
        var name = $"c{counter++}";
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        graph.Initializer.Add(tensor);
        return name;
    }

    public string Scalar(float value) => Weights([value], []);

    /// <summary>Adds a node; returns its (first) output name, or <paramref name="output"/> when given.</summary>
    public string Node(string op, string[] inputs, string? output = null, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"n{counter++}" };
        node.Input.AddRange(inputs);
        var result = output ?? $"t{counter++}";
        node.Output.Add(result);
        foreach (var (name, value) in attributes)
        {
            var attribute = new AttributeProto { Name = name };
            switch (value)
            {
                case long i:
                    attribute.Type = AttributeProto.Types.AttributeType.Int;
                    attribute.I = i;
                    break;
                case long[] ints:
                    attribute.Type = AttributeProto.Types.AttributeType.Ints;
                    attribute.Ints.AddRange(ints);
                    break;
                case float f:
                    attribute.Type = AttributeProto.Types.AttributeType.Float;
                    attribute.F = f;
                    break;
                default:
                    throw new ArgumentException($"Unsupported attribute {name}.");
            }

            node.Attribute.Add(attribute);
        }

        graph.Node.Add(node);
        return result;
    }

    public void Save(string path)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "cineforge-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, model.ToByteArray());
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string param ? new TensorShapeProto.Types.Dimension { DimParam = param } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
