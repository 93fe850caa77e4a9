using System.Text;

namespace CineForge.Onnx.Models;

/// <summary>
/// What a model file declares, read without loading it: graph inputs and outputs and the external
/// weight files its initializers point to. The protobuf is streamed and large fields (weights,
/// node lists) are skipped with a seek, so a 3 GB UNet is checked in milliseconds and no ONNX
/// Runtime session (and no GPU memory) is touched.
/// </summary>
public sealed class OnnxGraphHeader
{
    private OnnxGraphHeader(IReadOnlyList<TensorSpec> inputs, IReadOnlyList<TensorSpec> outputs, IReadOnlyList<string> externalData, IReadOnlyCollection<string> operators)
    {
        Inputs = inputs;
        Outputs = outputs;
        ExternalDataFiles = externalData;
        Operators = operators;
    }

    /// <summary>The operator types the top-level graph uses (e.g. "Conv", "RandomNormalLike").</summary>
    public IReadOnlyCollection<string> Operators { get; }

    /// <summary>Graph inputs (initializers listed as inputs by old exporters are left out).</summary>
    public IReadOnlyList<TensorSpec> Inputs { get; }

    /// <summary>Graph outputs.</summary>
    public IReadOnlyList<TensorSpec> Outputs { get; }

    /// <summary>External weight files, relative to the model file's folder, each once.</summary>
    public IReadOnlyList<string> ExternalDataFiles { get; }

    /// <summary>The input called <paramref name="name"/>, or null.</summary>
    public TensorSpec? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>The output called <paramref name="name"/>, or null.</summary>
    public TensorSpec? Output(string name) => Outputs.FirstOrDefault(o => o.Name == name);

    /// <summary>Reads the header of the ONNX file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelFolderException">The file is not an ONNX model (no graph, malformed protobuf).</exception>
    public static OnnxGraphHeader Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var reader = new ProtoReader(stream);
            while (reader.Position < stream.Length)
            {
                var (field, wire) = reader.ReadTag();
                if (field == 7 && wire == 2)
                {
                    return ReadGraph(reader, reader.ReadLength());
                }

                reader.Skip(wire);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or OverflowException)
        {
            throw new ModelFolderException(path, $"is not a valid ONNX model ({e.Message}).");
        }

        throw new ModelFolderException(path, "is not an ONNX model: it has no graph.");
    }

    private static OnnxGraphHeader ReadGraph(ProtoReader reader, long length)
    {
        var end = reader.Position + length;
        var inputs = new List<TensorSpec>();
        var outputs = new List<TensorSpec>();
        var initializers = new HashSet<string>();
        var external = new List<string>();
        var operators = new SortedSet<string>(StringComparer.Ordinal);
        while (reader.Position < end)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 11 when wire == 2:
                    inputs.Add(ReadValueInfo(reader, reader.ReadLength()));
                    break;
                case 12 when wire == 2:
                    outputs.Add(ReadValueInfo(reader, reader.ReadLength()));
                    break;
                case 1 when wire == 2:
                    reader.ForEachField(reader.ReadLength(), (f, w) =>
                    {
                        if (f != 4 || w != 2)
                        {
                            return false;
                        }

                        operators.Add(reader.ReadString());
                        return true;
                    });
                    break;
                case 5 when wire == 2:
                    var (name, location) = ReadInitializer(reader, reader.ReadLength());
                    initializers.Add(name);
                    if (location is not null && !external.Contains(location))
                    {
                        external.Add(location);
                    }

                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new OnnxGraphHeader(inputs.Where(i => !initializers.Contains(i.Name)).ToList(), outputs, external, operators);
    }

    private static TensorSpec ReadValueInfo(ProtoReader reader, long length)
    {
        var end = reader.Position + length;
        var name = string.Empty;
        var type = OnnxElementType.Undefined;
        var dims = new List<long?>();
        while (reader.Position < end)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 1 && wire == 2)
            {
                name = reader.ReadString();
            }
            else if (field == 2 && wire == 2)
            {
                // TypeProto.tensor_type (1) → elem_type (1), shape (2) → dim (1) → dim_value (1) | dim_param (2).
                reader.ForEachField(reader.ReadLength(), (f, w) =>
                {
                    if (f != 1 || w != 2)
                    {
                        return false;
                    }

                    reader.ForEachField(reader.ReadLength(), (tf, tw) =>
                    {
                        if (tf == 1 && tw == 0)
                        {
                            type = (OnnxElementType)reader.ReadVarint();
                            return true;
                        }

                        if (tf != 2 || tw != 2)
                        {
                            return false;
                        }

                        reader.ForEachField(reader.ReadLength(), (sf, sw) =>
                        {
                            if (sf != 1 || sw != 2)
                            {
                                return false;
                            }

                            long? dim = null;
                            reader.ForEachField(reader.ReadLength(), (df, dw) =>
                            {
                                if (df == 1 && dw == 0)
                                {
                                    dim = (long)reader.ReadVarint();
                                    return true;
                                }

                                return false;
                            });
                            dims.Add(dim);
                            return true;
                        });
                        return true;
                    });
                    return true;
                });
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return new TensorSpec(name, type, dims);
    }

    private static (string Name, string? Location) ReadInitializer(ProtoReader reader, long length)
    {
        var name = string.Empty;
        string? location = null;
        reader.ForEachField(length, (field, wire) =>
        {
            if (field == 8 && wire == 2)
            {
                name = reader.ReadString();
                return true;
            }

            if (field != 13 || wire != 2)
            {
                return false;
            }

            // external_data: StringStringEntryProto { key = 1, value = 2 }.
            string? key = null;
            string? value = null;
            reader.ForEachField(reader.ReadLength(), (kf, kw) =>
            {
                if (kw != 2 || kf is not (1 or 2))
                {
                    return false;
                }

                if (kf == 1)
                {
                    key = reader.ReadString();
                }
                else
                {
                    value = reader.ReadString();
                }

                return true;
            });
            if (key == "location")
            {
                location = value;
            }

            return true;
        });
        return (name, location);
    }

    /// <summary>A forward-only protobuf wire reader over a seekable stream.</summary>
    private sealed class ProtoReader(Stream stream)
    {
        public long Position => stream.Position;

        public (int Field, int Wire) ReadTag()
        {
            var tag = ReadVarint();
            return ((int)(tag >> 3), (int)(tag & 7));
        }

        public ulong ReadVarint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = stream.ReadByte();
                if (b < 0)
                {
                    throw new EndOfStreamException("the file ends inside a field");
                }

                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }

            throw new InvalidDataException("a varint runs past 64 bits");
        }

        public long ReadLength()
        {
            var length = checked((long)ReadVarint());
            if (length > stream.Length - stream.Position)
            {
                throw new EndOfStreamException("a field is longer than the rest of the file");
            }

            return length;
        }

        public string ReadString()
        {
            var bytes = new byte[ReadLength()];
            stream.ReadExactly(bytes);
            return Encoding.UTF8.GetString(bytes);
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0:
                    ReadVarint();
                    break;
                case 1:
                    stream.Seek(8, SeekOrigin.Current);
                    break;
                case 2:
                    stream.Seek(ReadLength(), SeekOrigin.Current);
                    break;
                case 5:
                    stream.Seek(4, SeekOrigin.Current);
                    break;
                default:
                    throw new InvalidDataException($"unknown wire type {wire}");
            }
        }

        /// <summary>Calls <paramref name="visit"/> for each field of a message; fields it does not consume (returns false) are skipped.</summary>
        public void ForEachField(long length, Func<int, int, bool> visit)
        {
            var end = stream.Position + length;
            while (stream.Position < end)
            {
                var (field, wire) = ReadTag();
                if (!visit(field, wire))
                {
                    Skip(wire);
                }
            }
        }
    }
}
