using DataType = global::Onnx.TensorProto.Types.DataType;

namespace CineForge.Onnx.Tests.Models;

/// <summary>
/// A tiny face pair in <c>DIR/face/</c> with the real input and output shapes: a detector that finds one
/// box in the middle, confident when the picture is bright, and an embedder that projects the crop's
/// mean colour.
/// </summary>
public static class TinyFace
{
    /// <summary>Writes <c>face/detector.onnx</c> and <c>face/embedding.onnx</c> under <paramref name="folder"/>.</summary>
    public static void Write(string folder)
    {
        var detector = new TinyOnnx()
            .Input("input", DataType.Float, 1, 3, 240, 320)
            .Output("scores", DataType.Float, 1, 1, 2)
            .Output("boxes", DataType.Float, 1, 1, 4);
        var mean = detector.Node("Reshape", [detector.Node("ReduceMean", ["input"], null, ("axes", new[] { 1L, 2L, 3L }), ("keepdims", 1L)), detector.Int64s(1, 1, 1)]);
        var face = detector.Node("Sigmoid", [detector.Node("Mul", [mean, detector.Scalar(10f)])]);
        var background = detector.Node("Sub", [detector.Scalar(1f), face]);
        detector.Node("Concat", [background, face], "scores", ("axis", 2L));
        detector.Node("Identity", [detector.Weights([0.25f, 0.25f, 0.75f, 0.75f], [1, 1, 4])], "boxes");
        detector.Save(Path.Combine(folder, "face", "detector.onnx"));

        var embedder = new TinyOnnx()
            .Input("input.1", DataType.Float, 1, 3, 112, 112)
            .Output("embedding", DataType.Float, 1, 8);
        var colour = embedder.Node("ReduceMean", ["input.1"], null, ("axes", new[] { 2L, 3L }), ("keepdims", 0L));
        var projection = new float[3 * 8];
        for (var i = 0; i < projection.Length; i++)
        {
            projection[i] = ((i * 7) % 5) - 2 + (0.1f * i);
        }

        embedder.Node("MatMul", [colour, embedder.Weights(projection, [3, 8])], "embedding");
        embedder.Save(Path.Combine(folder, "face", "embedding.onnx"));
    }
}
