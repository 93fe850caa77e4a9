using System.Buffers.Binary;
using System.IO.Compression;

namespace CineForge.Runtime.Imaging;

/// <summary>
/// Reads and writes 8-bit RGB PNG files: the keyframe artefact format, viewable anywhere. Rows are
/// stored unfiltered; the file is a cache artefact whose pixels, not bytes, are the contract.
/// </summary>
public static class PngCodec
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Writes <paramref name="image"/> as PNG to <paramref name="stream"/>.</summary>
    public static void Write(RgbImage image, Stream stream)
    {
        stream.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(stream, "IHDR", header);

        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            var stride = image.Width * 3;
            for (var y = 0; y < image.Height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(image.Pixels, y * stride, stride);
            }
        }

        WriteChunk(stream, "IDAT", deflated.ToArray());
        WriteChunk(stream, "IEND", []);
    }

    /// <summary>Reads a PNG written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an unfiltered 8-bit RGB PNG.</exception>
    public static RgbImage Read(Stream stream)
    {
        var signature = new byte[8];
        stream.ReadExactly(signature);
        if (!signature.AsSpan().SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0;
        using var data = new MemoryStream();
        var lengthBytes = new byte[8];
        while (true)
        {
            stream.ReadExactly(lengthBytes);
            var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
            var type = System.Text.Encoding.ASCII.GetString(lengthBytes, 4, 4);
            var body = new byte[length + 4];
            stream.ReadExactly(body);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(4));
                if (body[8] != 8 || body[9] != 2 || body[12] != 0)
                {
                    throw new InvalidDataException("Only 8-bit, non-interlaced RGB PNG files are supported.");
                }
            }
            else if (type == "IDAT")
            {
                data.Write(body, 0, length);
            }
            else if (type == "IEND")
            {
                break;
            }
        }

        data.Position = 0;
        var image = new RgbImage(width, height);
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        var stride = width * 3;
        for (var y = 0; y < height; y++)
        {
            if (zlib.ReadByte() != 0)
            {
                throw new InvalidDataException("Filtered PNG rows are not supported.");
            }

            zlib.ReadExactly(image.Pixels, y * stride, stride);
        }

        return image;
    }

    private static void WriteChunk(Stream stream, string type, byte[] body)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, body.Length);
        System.Text.Encoding.ASCII.GetBytes(type, 0, 4, head, 4);
        stream.Write(head);
        stream.Write(body);
        var crc = Crc(Crc(0xFFFFFFFFu, head.AsSpan(4)), body) ^ 0xFFFFFFFFu;
        var tail = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        stream.Write(tail);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
