using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Select.Qa;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Face;

/// <summary>
/// Face identity for QA10, from a detector + embedding pair in <c>DIR/face/</c>:
/// <list type="bullet">
/// <item><c>detector.onnx</c>: an UltraFace-style detector, one float image input [1, 3, H, W]
/// (RGB, (x - 127) / 128), outputs <c>scores</c> [1, N, 2] (background, face) and <c>boxes</c>
/// [1, N, 4] (x1, y1, x2, y2 as fractions of the picture).</item>
/// <item><c>embedding.onnx</c>: an ArcFace-style recognizer, one float input [1, 3, 112, 112]
/// (RGB, (x - 127.5) / 127.5), one output [1, D].</item>
/// </list>
/// The most confident face above <see cref="MinimumScore"/> is cropped (its box grown by a tenth on
/// each side, squared), resized to 112 x 112 and embedded; embeddings are L2-normalized.
/// </summary>
public sealed class FaceIdentityMeter : IFaceMeter, IDisposable
{
    /// <summary>Detector confidence below which no face is taken.</summary>
    public const double MinimumScore = 0.7;

    private const int EmbeddingSize = 112;

    private readonly OnnxSessions sessions;
    private readonly ModelComponent detector;
    private readonly ModelComponent embedder;
    private BackendIdentity? identity;

    private FaceIdentityMeter(ModelComponent detector, ModelComponent embedder, OnnxBackendOptions options)
    {
        this.detector = detector;
        this.embedder = embedder;
        sessions = new OnnxSessions(options);
    }

    /// <summary>The model files, for the backend identity.</summary>
    public IReadOnlyList<string> ModelPaths => [detector.ModelPath, embedder.ModelPath];

    /// <inheritdoc />
    public BackendIdentity Identity => identity ??= new("onnx-face", $"1 {sessions.Provider.ToLowerInvariant()}", [$"face/detector.onnx={ModelFolder.Sha256(detector.ModelPath)}", $"face/embedding.onnx={ModelFolder.Sha256(embedder.ModelPath)}"]);

    /// <summary>Opens <c>face/</c> under <paramref name="modelDirectory"/>, or returns null when there is no such folder.</summary>
    /// <exception cref="ModelFolderException">A model is missing or does not have the inputs and outputs described above.</exception>
    public static FaceIdentityMeter? TryOpen(string modelDirectory, OnnxBackendOptions? options = null)
    {
        var folder = Path.Combine(Path.GetFullPath(modelDirectory), "face");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var detector = Read(Path.Combine(folder, "detector.onnx"), "an UltraFace-style face detector");
        if (detector.Header.Inputs is not [{ Rank: 4 } image] || !image.ElementType.IsFloat() || detector.Header.Output("scores") is not { Rank: 3 } || detector.Header.Output("boxes") is not { Rank: 3 })
        {
            throw new ModelFolderException(detector.ModelPath, $"expected one float image input [1, 3, H, W] and outputs \"scores\" [1, N, 2] and \"boxes\" [1, N, 4]; found inputs {string.Join(", ", detector.Header.Inputs)} and outputs {string.Join(", ", detector.Header.Outputs)}.");
        }

        var embedder = Read(Path.Combine(folder, "embedding.onnx"), "an ArcFace-style face embedding model");
        if (embedder.Header.Inputs is not [{ Rank: 4 } crop] || !crop.ElementType.IsFloat() || embedder.Header.Outputs is not [{ Rank: 2 }, ..])
        {
            throw new ModelFolderException(embedder.ModelPath, $"expected one float input [1, 3, 112, 112] and an embedding output [1, D]; found inputs {string.Join(", ", embedder.Header.Inputs)} and outputs {string.Join(", ", embedder.Header.Outputs)}.");
        }

        return new FaceIdentityMeter(detector, embedder, options ?? new OnnxBackendOptions());
    }

    /// <summary>The embedding of the most confident face in <paramref name="frame"/>, or null when none reaches <see cref="MinimumScore"/>.</summary>
    public float[]? Embed(RgbImage frame)
    {
        var box = Detect(frame);
        if (box is null)
        {
            return null;
        }

        var (x1, y1, x2, y2) = box.Value;
        var side = Math.Max(x2 - x1, y2 - y1) * 1.2;
        var (cx, cy) = ((x1 + x2) / 2, (y1 + y2) / 2);
        var input = embedder.Header.Inputs[0];
        using var tensor = new HostTensor(input.ElementType, [1, 3, EmbeddingSize, EmbeddingSize]);
        tensor.Write(Planar(frame, cx - (side / 2), cy - (side / 2), side / EmbeddingSize, side / EmbeddingSize, EmbeddingSize, EmbeddingSize, 127.5f, 127.5f));
        using var runOptions = new RunOptions();
        var output = embedder.Header.Outputs[0].Name;
        using var results = sessions.For(embedder).Run(runOptions, [input.Name], [tensor.Value], [output]);
        return FaceEmbeddings.Normalize(HostTensor.ReadFrom(results[0]));
    }

    /// <inheritdoc/>
    public void Dispose() => sessions.Dispose();

    private (double X1, double Y1, double X2, double Y2)? Detect(RgbImage picture)
    {
        var input = detector.Header.Inputs[0];
        var height = (int)(input.Dims[2] ?? 240);
        var width = (int)(input.Dims[3] ?? 320);
        using var tensor = new HostTensor(input.ElementType, [1, 3, height, width]);
        tensor.Write(Planar(picture, 0, 0, (double)picture.Width / width, (double)picture.Height / height, width, height, 127f, 128f));
        using var runOptions = new RunOptions();
        using var results = sessions.For(detector).Run(runOptions, [input.Name], [tensor.Value], ["scores", "boxes"]);
        var scores = HostTensor.ReadFrom(results[0]);
        var boxes = HostTensor.ReadFrom(results[1]);
        var best = -1;
        for (var i = 0; i < scores.Length / 2; i++)
        {
            if (scores[(2 * i) + 1] >= MinimumScore && (best < 0 || scores[(2 * i) + 1] > scores[(2 * best) + 1]))
            {
                best = i;
            }
        }

        return best < 0
            ? null
            : (boxes[4 * best] * picture.Width, boxes[(4 * best) + 1] * picture.Height, boxes[(4 * best) + 2] * picture.Width, boxes[(4 * best) + 3] * picture.Height);
    }

    // Planar RGB of a region (origin, scale per output pixel), bilinear, normalized as (x - mean) / scale.
    private static float[] Planar(RgbImage picture, double left, double top, double stepX, double stepY, int width, int height, float mean, float scale)
    {
        var plane = width * height;
        var result = new float[3 * plane];
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Clamp(top + ((y + 0.5) * stepY) - 0.5, 0, picture.Height - 1);
            var y0 = Math.Min((int)sy, Math.Max(picture.Height - 2, 0));
            var y1 = Math.Min(y0 + 1, picture.Height - 1);
            var fy = sy - y0;
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Clamp(left + ((x + 0.5) * stepX) - 0.5, 0, picture.Width - 1);
                var x0 = Math.Min((int)sx, Math.Max(picture.Width - 2, 0));
                var x1 = Math.Min(x0 + 1, picture.Width - 1);
                var fx = sx - x0;
                for (var c = 0; c < 3; c++)
                {
                    double At(int px, int py) => picture.Pixels[(((py * picture.Width) + px) * 3) + c];
                    var v = (At(x0, y0) * (1 - fx) * (1 - fy)) + (At(x1, y0) * fx * (1 - fy)) + (At(x0, y1) * (1 - fx) * fy) + (At(x1, y1) * fx * fy);
                    result[(c * plane) + (y * width) + x] = ((float)v - mean) / scale;
                }
            }
        }

        return result;
    }

    private static ModelComponent Read(string path, string what) =>
        File.Exists(path)
            ? new ModelComponent(Path.GetFileNameWithoutExtension(path), path, OnnxGraphHeader.Read(path))
            : throw new ModelFolderException(path, $"is missing; expected {what} (face identity, QA10).");
}
