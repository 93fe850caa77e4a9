using CineForge.Onnx.Face;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Tests.Models;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Onnx.Tests.Face;

/// <summary>
/// A tiny detector (one box in the middle, confident when the picture is bright) and a tiny
/// embedder (the crop's mean colour through a fixed projection) with the real input and output shapes.
/// </summary>
public sealed class FaceIdentityMeterTests : IDisposable
{
    private readonly TempFolder temp = new();

    public FaceIdentityMeterTests() => TinyFace.Write(temp.Path);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void NoFaceFolder_ReturnsNull()
    {
        using var other = new TempFolder();

        Assert.Null(FaceIdentityMeter.TryOpen(other.Path));
    }

    [Fact]
    public void SameFace_HasNoDrift()
    {
        using var meter = Open();
        var face = meter.Embed(Picture(faceColour: [200, 170, 150]))!;
        var again = meter.Embed(Picture(faceColour: [200, 170, 150]))!;

        Assert.Equal(1.0, face.Sum(v => (double)v * v), 5);
        Assert.Equal(0, FaceEmbeddings.Distance(face, again), 6);
        Assert.Equal(0, FaceEmbeddings.Within([face, again])!.Value, 6);
    }

    [Fact]
    public void ChangedFace_DriftsWithinAndAcrossShots()
    {
        using var meter = Open();
        var a = meter.Embed(Picture(faceColour: [200, 170, 150]))!;
        var b = meter.Embed(Picture(faceColour: [90, 200, 240]))!;

        Assert.True(FaceEmbeddings.Within([a, a, b]) > 0.01);
        Assert.True(FaceEmbeddings.Across([[a, a], [b]]) > 0.01);
        Assert.Null(FaceEmbeddings.Across([[a, b]]));
        Assert.Null(FaceEmbeddings.Within([a]));
    }

    [Fact]
    public void DarkPicture_HasNoConfidentFace()
    {
        using var meter = Open();

        Assert.Null(meter.Embed(new RgbImage(64, 48, new byte[64 * 48 * 3])));
    }

    [Fact]
    public void MissingEmbeddingModel_NamesTheFile()
    {
        File.Delete(temp.Combine("face", "embedding.onnx"));

        var error = Assert.Throws<ModelFolderException>(() => FaceIdentityMeter.TryOpen(temp.Path));

        Assert.Equal(temp.Combine("face", "embedding.onnx"), error.Path);
    }

    private FaceIdentityMeter Open() => FaceIdentityMeter.TryOpen(temp.Path, new OnnxBackendOptions(ExecutionDevice.Cpu))!;

    // A bright grey picture with a coloured square where the detector's box is.
    private static RgbImage Picture(byte[] faceColour)
    {
        const int w = 64, h = 48;
        var data = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var inside = x is >= 14 and < 50 && y is >= 10 and < 38;
                for (var c = 0; c < 3; c++)
                {
                    data[(((y * w) + x) * 3) + c] = inside ? faceColour[c] : (byte)220;
                }
            }
        }

        return new RgbImage(w, h, data);
    }
}
