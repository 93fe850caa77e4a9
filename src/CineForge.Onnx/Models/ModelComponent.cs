namespace CineForge.Onnx.Models;

/// <summary>One ONNX model of the folder (text encoder, UNet, VAE decoder or encoder).</summary>
/// <param name="Name">Folder name: "text_encoder", "text_encoder_2", "unet", "vae_decoder", "vae_encoder".</param>
/// <param name="ModelPath">Full path of its model.onnx.</param>
/// <param name="Header">Declared inputs, outputs and external weight files.</param>
public sealed record ModelComponent(string Name, string ModelPath, OnnxGraphHeader Header)
{
    /// <summary>model.onnx and its external weight files, full paths.</summary>
    public IReadOnlyList<string> Files =>
        [ModelPath, .. Header.ExternalDataFiles.Select(f => Path.Combine(Path.GetDirectoryName(ModelPath)!, f))];

    /// <summary>The float type of its first float input (what its weights run in).</summary>
    public OnnxElementType FloatType =>
        Header.Inputs.Concat(Header.Outputs).Select(i => i.ElementType).FirstOrDefault(t => t.IsFloat(), OnnxElementType.Float);
}
