using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
using CineForge.Runtime.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Depth;

/// <summary>
/// Monocular depth from a Depth Anything or MiDaS (DPT) ONNX export in <c>DIR/depth/model.onnx</c>:
/// one float image input [1, 3, H, W], ImageNet-normalized; one output of relative inverse depth
/// [1, H', W'] or [1, 1, H', W'] (larger is nearer). Fixed input sizes are honoured; a dynamic one
/// gets <see cref="DynamicSize"/> square (Depth Anything's 518, a multiple of its 14-pixel patches).
/// The output is resized to the picture and normalized to 0 (farthest) .. 1 (nearest).
/// </summary>
public sealed class DepthEstimator : IDisposable
{
    /// <summary>Input size used when the export leaves it dynamic.</summary>
    public const int DynamicSize = 518;

    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    private readonly OnnxSessions sessions;
    private readonly ModelComponent model;
    private readonly TensorSpec input;
    private readonly TensorSpec output;

    private DepthEstimator(ModelComponent model, TensorSpec input, TensorSpec output, OnnxBackendOptions options)
    {
        this.model = model;
        this.input = input;
        this.output = output;
        sessions = new OnnxSessions(options);
    }

    /// <summary>The model file.</summary>
    public string ModelPath => model.ModelPath;

    /// <summary>Opens <c>depth/model.onnx</c> under <paramref name="modelDirectory"/>, or returns null when there is none.</summary>
    /// <exception cref="ModelFolderException">The file exists but is not an image-to-depth model.</exception>
    public static DepthEstimator? TryOpen(string modelDirectory, OnnxBackendOptions? options = null)
    {
        var path = Path.Combine(Path.GetFullPath(modelDirectory), "depth", "model.onnx");
        if (!File.Exists(path))
        {
            return null;
        }

        var header = OnnxGraphHeader.Read(path);
        var image = header.Inputs.Count == 1 && header.Inputs[0] is { Rank: 4 } i && i.ElementType.IsFloat() && i.Dims[1] is null or 3
            ? i
            : throw new ModelFolderException(path, $"expected one float image input [1, 3, H, W]; found {string.Join(", ", header.Inputs)}.");
        var depth = header.Outputs.FirstOrDefault(o => o.Rank is 3 or 4 && o.ElementType.IsFloat())
            ?? throw new ModelFolderException(path, $"expected a float depth output [1, H, W] or [1, 1, H, W]; found {string.Join(", ", header.Outputs)}.");
        return new DepthEstimator(new ModelComponent("depth", path, header), image, depth, options ?? new OnnxBackendOptions());
    }

    /// <summary>Estimates the nearness of every pixel of <paramref name="picture"/>.</summary>
    public DepthMap Estimate(RgbImage picture)
    {
        var height = (int)(input.Dims[2] ?? DynamicSize);
        var width = (int)(input.Dims[3] ?? DynamicSize);
        using var tensor = new HostTensor(input.ElementType, [1, 3, height, width]);
        tensor.Write(Normalize(picture, width, height));
        using var runOptions = new RunOptions();
        using var results = sessions.For(model).Run(runOptions, [input.Name], [tensor.Value], [output.Name]);
        var shape = results[0].GetTensorTypeAndShape().Shape;
        var (outHeight, outWidth) = ((int)shape[^2], (int)shape[^1]);
        var raw = HostTensor.ReadFrom(results[0]);
        return Normalize(Resize(raw, outWidth, outHeight, picture.Width, picture.Height), picture.Width, picture.Height);
    }

    /// <inheritdoc/>
    public void Dispose() => sessions.Dispose();

    private static float[] Normalize(RgbImage picture, int width, int height)
    {
        var plane = width * height;
        var result = new float[3 * plane];
        for (var y = 0; y < height; y++)
        {
            var sy = ((y + 0.5) * picture.Height / height) - 0.5;
            for (var x = 0; x < width; x++)
            {
                var sx = ((x + 0.5) * picture.Width / width) - 0.5;
                for (var c = 0; c < 3; c++)
                {
                    var v = Bilinear(picture, sx, sy, c) / 255f;
                    result[(c * plane) + (y * width) + x] = (v - Mean[c]) / Std[c];
                }
            }
        }

        return result;
    }

    private static float Bilinear(RgbImage picture, double x, double y, int channel)
    {
        int w = picture.Width, h = picture.Height;
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        var x0 = Math.Min((int)x, Math.Max(w - 2, 0));
        var y0 = Math.Min((int)y, Math.Max(h - 2, 0));
        var x1 = Math.Min(x0 + 1, w - 1);
        var y1 = Math.Min(y0 + 1, h - 1);
        double fx = x - x0, fy = y - y0;
        var d = picture.Pixels;
        double At(int px, int py) => d[(((py * w) + px) * 3) + channel];
        return (float)((At(x0, y0) * (1 - fx) * (1 - fy)) + (At(x1, y0) * fx * (1 - fy)) + (At(x0, y1) * (1 - fx) * fy) + (At(x1, y1) * fx * fy));
    }

    private static float[] Resize(float[] values, int width, int height, int toWidth, int toHeight)
    {
        var map = new DepthMap(width, height, values);
        var result = new float[toWidth * toHeight];
        for (var y = 0; y < toHeight; y++)
        {
            for (var x = 0; x < toWidth; x++)
            {
                result[(y * toWidth) + x] = map.Sample(((x + 0.5) * width / toWidth) - 0.5, ((y + 0.5) * height / toHeight) - 0.5);
            }
        }

        return result;
    }

    private static DepthMap Normalize(float[] values, int width, int height)
    {
        var min = values.Min();
        var range = values.Max() - min;
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = range > 0 ? (values[i] - min) / range : 0;
        }

        return new DepthMap(width, height, result);
    }
}
