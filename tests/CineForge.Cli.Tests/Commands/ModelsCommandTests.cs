using CineForge.Onnx.Tests.Models;
using CineForge.Onnx.Tests.Video;
using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace CineForge.Cli.Tests.Commands;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ValidFolder_PrintsWhatItHoldsAndExits0()
    {
        WriteFolder(temp.Path);
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(["models", "check", temp.Path]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal($"Model folder: {temp.Path}", cli.Lines[0]);
        Assert.Contains("Architecture: SD 1.x/2.x (one text encoder)", cli.Lines);
        Assert.Contains("Precision: float16", cli.Lines);
        Assert.Contains("    in  encoder_hidden_states: float16[?, 77, 768]", cli.Lines);
        Assert.Contains(cli.Lines, l => l.EndsWith("B  unet/model.onnx", StringComparison.Ordinal) && !l.Contains("(not hashed)", StringComparison.Ordinal));
        Assert.Equal("OK: the folder can be loaded.", cli.Lines[^1]);

        // The default install carries ONNX Runtime's CPU natives only (issue 17): the check says so and how to get CUDA.
        Assert.StartsWith("Execution provider: CPU: this is the CPU install: it carries no CUDA provider (GPU install: ./cineforge --gpu", cli.Lines[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderWithSvd_SaysItAnimatesTheShots()
    {
        TinyStableDiffusion.Write(temp.Path);
        TinySvd.Write(temp.Path);
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(["models", "check", temp.Path, "--no-hash"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"Image-to-video: Stable Video Diffusion in {Path.Combine(temp.Path, "svd")}: 5 native frames, animates every shot.", cli.Lines);
    }

    [Theory]
    [InlineData("added_time_ids")]
    [InlineData("pixel_values")]
    public async Task SvdWithAWrongInputName_NamesTheFile_Exit2_AndTheRenderStopsBeforeAnyWork(string input)
    {
        TinyStableDiffusion.Write(temp.Combine("models"));
        TinySvd.Write(temp.Combine("models"), breakInput: input);
        var check = new TestCli();
        var render = new TestCli(new CineForge.Cli.Commands.Render.RuntimeFilmRenderer());

        var checkExit = await check.Cli.InvokeAsync(["models", "check", temp.Combine("models"), "--no-hash"]);
        var renderExit = await render.Cli.InvokeAsync(["render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--no-progress", "--out", temp.Combine("out"), "--lock", temp.Combine("film.lock.json"), "--models", temp.Combine("models")]);

        Assert.Equal(ExitCodes.Usage, checkExit);
        Assert.Contains(check.Lines, l => l.StartsWith("Image-to-video: problem: ", StringComparison.Ordinal) && l.Contains(Path.Combine("svd"), StringComparison.Ordinal) && l.Contains(input, StringComparison.Ordinal));
        Assert.Equal(ExitCodes.RenderFailed, renderExit);
        Assert.Contains(render.Lines, l => l.StartsWith("cineforge: --models: ", StringComparison.Ordinal) && l.Contains("model.onnx", StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.Combine("out")));
        Assert.False(File.Exists(temp.Combine("film.lock.json")));
    }

    [Fact]
    public async Task NoHash_SkipsTheHashes()
    {
        WriteFolder(temp.Path);
        var cli = new TestCli();

        await cli.Cli.InvokeAsync(["models", "check", temp.Path, "--no-hash"]);

        Assert.Contains(cli.Lines, l => l.Contains("(not hashed)", StringComparison.Ordinal) && l.EndsWith("unet/model.onnx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokenFolder_NamesEachFileAndExits2()
    {
        WriteFolder(temp.Path);
        File.Delete(Path.Combine(temp.Path, "vae_decoder", "model.onnx"));
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(["models", "check", temp.Path]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"Error: {Path.Combine(temp.Path, "vae_decoder", "model.onnx")}: is missing; expected the vae_decoder ONNX model.", cli.Lines);
        Assert.Equal("1 problem: the folder cannot be loaded.", cli.Lines[^1]);
    }

    // The files of an SD 1.5 fp16 export: real names, ranks and dtypes (headers only: the check reads no weights).
    private static void WriteFolder(string root)
    {
        File.WriteAllText(Path.Combine(root, "model_index.json"), """{"_class_name": "OnnxStableDiffusionPipeline"}""");
        Directory.CreateDirectory(Path.Combine(root, "tokenizer"));
        File.WriteAllText(Path.Combine(root, "tokenizer", "vocab.json"), """{"<|startoftext|>": 0, "<|endoftext|>": 1}""");
        File.WriteAllText(Path.Combine(root, "tokenizer", "merges.txt"), "#version: 0.2\n");
        Model(root, "text_encoder", [("input_ids", DataType.Int32, ["batch", 77L])], [("last_hidden_state", DataType.Float16, ["batch", 77L, 768L])]);
        Model(root, "unet", [("sample", DataType.Float16, ["batch", 4L, "h", "w"]), ("timestep", DataType.Int64, [1L]), ("encoder_hidden_states", DataType.Float16, ["batch", 77L, 768L])], [("out_sample", DataType.Float16, ["batch", 4L, "h", "w"])]);
        Model(root, "vae_decoder", [("latent_sample", DataType.Float16, ["batch", 4L, "h", "w"])], [("sample", DataType.Float16, ["batch", 3L, "H", "W"])]);
    }

    private static void Model(string root, string name, (string Name, DataType Type, object[] Dims)[] inputs, (string Name, DataType Type, object[] Dims)[] outputs)
    {
        var graph = new GraphProto { Name = name };
        graph.Input.AddRange(inputs.Select(i => Value(i.Name, i.Type, i.Dims)));
        graph.Output.AddRange(outputs.Select(o => Value(o.Name, o.Type, o.Dims)));
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        Directory.CreateDirectory(Path.Combine(root, name));
        File.WriteAllBytes(Path.Combine(root, name, "model.onnx"), model.ToByteArray());
    }

    private static ValueInfoProto Value(string name, DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims.Select(d => d is string p ? new TensorShapeProto.Types.Dimension { DimParam = p } : new TensorShapeProto.Types.Dimension { DimValue = (long)d }));
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } } };
    }
}
