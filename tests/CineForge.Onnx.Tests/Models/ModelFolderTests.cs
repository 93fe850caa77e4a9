using CineForge.Onnx.Models;
using DataType = global::Onnx.TensorProto.Types.DataType;

namespace CineForge.Onnx.Tests.Models;

public sealed class ModelFolderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Sd15Float32Folder_IsDetectedWithItsPorts()
    {
        TinyStableDiffusion.Write(temp.Path);

        var folder = ModelFolder.Open(temp.Path);

        Assert.Equal(ModelArchitecture.StableDiffusion, folder.Architecture);
        Assert.Equal(ModelPrecision.Float32, folder.Precision);
        Assert.Null(folder.TextEncoder2);
        Assert.NotNull(folder.VaeEncoder);
        Assert.Equal(ModelFolder.StableDiffusionVaeScale, folder.VaeScale);
        Assert.Equal("sample: float[?, 4, ?, ?]", folder.Unet.Header.Input("sample")!.ToString());
        Assert.Equal(OnnxElementType.Int32, folder.TextEncoder.Header.Input("input_ids")!.ElementType);
        Assert.Equal(["model.onnx_data"], folder.Unet.Header.ExternalDataFiles);
    }

    [Fact]
    public void Float16Folder_IsDetectedAsFloat16()
    {
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { Float16 = true });

        Assert.Equal(ModelPrecision.Float16, ModelFolder.Open(temp.Path).Precision);
    }

    [Fact]
    public void XlFolder_IsDetectedFromItsSecondEncoderAndTimeIds()
    {
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { Xl = true });

        var folder = ModelFolder.Open(temp.Path);

        Assert.Equal(ModelArchitecture.StableDiffusionXL, folder.Architecture);
        Assert.NotNull(folder.TextEncoder2);
        Assert.Equal(ModelFolder.StableDiffusionXLVaeScale, folder.VaeScale);
        Assert.EndsWith("tokenizer_2", folder.TokenizerFolder(folder.TextEncoder2!));
    }

    [Fact]
    public void VaeScale_ComesFromTheFolderConfigWhenGiven()
    {
        TinyStableDiffusion.Write(temp.Path);
        File.WriteAllText(temp.Combine("vae_decoder", "config.json"), """{"scaling_factor": 0.5}""");

        Assert.Equal(0.5, ModelFolder.Open(temp.Path).VaeScale);
    }

    [Theory]
    [InlineData("unet/model.onnx")]
    [InlineData("text_encoder/model.onnx")]
    [InlineData("vae_decoder/model.onnx")]
    [InlineData("tokenizer/merges.txt")]
    [InlineData("model_index.json")]
    [InlineData("unet/model.onnx_data")]
    public void MissingFile_IsNamedInTheError(string file)
    {
        TinyStableDiffusion.Write(temp.Path);
        File.Delete(temp.Combine(file.Split('/')));

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(temp.Path));

        Assert.Equal(temp.Combine(file.Split('/')), error.Path);
        Assert.Contains("is missing", error.Message);
    }

    [Fact]
    public void MissingVaeEncoder_IsANoteNotAProblem()
    {
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { VaeEncoder = false });

        var report = ModelFolder.Check(temp.Path, hashes: false);

        Assert.True(report.IsValid);
        Assert.Contains(report.Notes, n => n.Contains("img2img", StringComparison.Ordinal));
    }

    [Fact]
    public void TextWidthMismatch_NamesTheUnetAndBothWidths()
    {
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { UnetHidden = 12 });

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(temp.Path));

        Assert.Equal(temp.Combine("unet", "model.onnx"), error.Path);
        Assert.Contains("width 12", error.Message);
        Assert.Contains("give 8", error.Message);
    }

    [Fact]
    public void LatentChannelMismatch_NamesTheVaeDecoder()
    {
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { VaeLatentChannels = 16 });

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(temp.Path));

        Assert.Equal(temp.Combine("vae_decoder", "model.onnx"), error.Path);
        Assert.Contains("16 channels", error.Message);
    }

    [Fact]
    public void WrongInputName_ListsTheInputsFound()
    {
        TinyStableDiffusion.Write(temp.Path);
        new TinyOnnx().Input("latents", DataType.Float, 1, 4, 8, 8).Output("sample", DataType.Float, 1, 3, 64, 64)
            .Save(temp.Combine("vae_decoder", "model.onnx"));

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(temp.Path));

        Assert.Contains("has no input \"latent_sample\"", error.Message);
        Assert.Contains("latents: float[1, 4, 8, 8]", error.Message);
    }

    [Fact]
    public void WrongRank_SaysWhatWasExpected()
    {
        TinyStableDiffusion.Write(temp.Path);
        new TinyOnnx().Input("input_ids", DataType.Int64, 77).Output("last_hidden_state", DataType.Float, 77, 8)
            .Save(temp.Combine("text_encoder", "model.onnx"));

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(temp.Path));

        Assert.Contains("input_ids: int64[77] does not match; expected \"input_ids\" (int32 or int64, rank 2)", error.Message);
    }

    [Fact]
    public void NotAnOnnxFile_IsReportedAsSuch()
    {
        TinyStableDiffusion.Write(temp.Path);
        File.WriteAllText(temp.Combine("unet", "model.onnx"), "version https://git-lfs.github.com/spec/v1");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(temp.Path));

        Assert.Equal(temp.Combine("unet", "model.onnx"), error.Path);
        Assert.Contains("not", error.Problem);
    }

    [Fact]
    public void XlUnetWithoutSecondEncoder_IsAMismatch()
    {
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { Xl = true });
        Directory.Delete(temp.Combine("text_encoder_2"), recursive: true);

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Open(temp.Path));

        Assert.Contains("text_encoder_2", error.Path);
    }

    [Fact]
    public void Check_HashesEveryLoadedFile()
    {
        TinyStableDiffusion.Write(temp.Path);

        var report = ModelFolder.Check(temp.Path);

        Assert.True(report.IsValid, string.Join("; ", report.Problems));
        var paths = report.Files.Select(f => f.RelativePath).ToList();
        Assert.Contains("unet/model.onnx", paths);
        Assert.Contains("unet/model.onnx_data", paths);
        Assert.Contains("tokenizer/vocab.json", paths);
        var unet = report.Files.Single(f => f.RelativePath == "unet/model.onnx");
        Assert.Equal(ModelFolder.Sha256(temp.Combine("unet", "model.onnx")), unet.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", unet.Sha256!);
        Assert.Equal(new FileInfo(temp.Combine("unet", "model.onnx")).Length, unet.Bytes);
    }

    [Fact]
    public void Header_ListsTheGraphsOperators()
    {
        TinyStableDiffusion.Write(temp.Path);

        var header = ModelFolder.Open(temp.Path).VaeDecoder.Header;

        Assert.Equal(["Conv", "DepthToSpace", "Identity", "Tanh"], header.Operators);
    }

    [Fact]
    public void SamplingVaeEncoder_IsNotedAsNotReproducible()
    {
        TinyStableDiffusion.Write(temp.Path);
        var graph = new TinyOnnx().Input("sample", DataType.Float, 1, 3, 64, 64).Output("latent_sample", DataType.Float, 1, 4, 8, 8);
        var mean = graph.Node("Conv", ["sample", graph.Weights(new float[4 * 3 * 64], [4, 3, 8, 8])], null, ("strides", new[] { 8L, 8L }));
        graph.Node("Add", [mean, graph.Node("RandomNormalLike", [mean])], "latent_sample");
        graph.Save(temp.Combine("vae_encoder", "model.onnx"));

        var report = ModelFolder.Check(temp.Path, hashes: false);

        Assert.True(report.IsValid);
        Assert.Contains(report.Notes, n => n.Contains("not reproducible", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFolder_IsOneProblem()
    {
        var report = ModelFolder.Check(temp.Combine("nowhere"));

        Assert.False(report.IsValid);
        Assert.Single(report.Problems);
        Assert.Null(report.Architecture);
    }
}

public sealed class ModelFolderReportTextTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ValidFolder_ListsArchitecturePortsHashesAndOk()
    {
        TinyStableDiffusion.Write(temp.Path, new TinyModelOptions { Float16 = true });

        var lines = ModelFolderReportText.Lines(ModelFolder.Check(temp.Path));

        Assert.Equal($"Model folder: {temp.Path}", lines[0]);
        Assert.Equal("Architecture: SD 1.x/2.x (one text encoder)", lines[1]);
        Assert.Equal("Precision: float16", lines[2]);
        Assert.Contains("  unet: unet/model.onnx", lines);
        Assert.Contains("    in  encoder_hidden_states: float16[?, 77, 8]", lines);
        Assert.Contains("    out out_sample: float16[?, 4, ?, ?]", lines);
        Assert.Contains(lines, l => l.EndsWith("B  unet/model.onnx_data", StringComparison.Ordinal) && l.TrimStart().Length > 64);
        Assert.Equal("OK: the folder can be loaded.", lines[^1]);
    }

    [Fact]
    public void BrokenFolder_EndsWithEachErrorAndTheCount()
    {
        TinyStableDiffusion.Write(temp.Path);
        File.Delete(temp.Combine("unet", "model.onnx"));
        File.Delete(temp.Combine("tokenizer", "vocab.json"));

        var lines = ModelFolderReportText.Lines(ModelFolder.Check(temp.Path, hashes: false));

        Assert.Contains($"Error: {temp.Combine("unet", "model.onnx")}: is missing; expected the unet ONNX model.", lines);
        Assert.Contains($"Error: {temp.Combine("tokenizer", "vocab.json")}: is missing; expected CLIP's BPE vocabulary.", lines);
        Assert.Equal("2 problems: the folder cannot be loaded.", lines[^1]);
    }
}
