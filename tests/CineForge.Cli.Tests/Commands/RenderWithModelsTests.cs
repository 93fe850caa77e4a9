using CineForge.Cli.Commands.Render;
using CineForge.Onnx.Tests.Models;

namespace CineForge.Cli.Tests.Commands;

/// <summary><c>render --models DIR</c>: the ONNX backend replaces the previz, and a bad folder stops the render before any work.</summary>
public sealed class RenderWithModelsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task BrokenModelFolder_StopsBeforeAnyWork_NamingTheFile()
    {
        TinyStableDiffusion.Write(temp.Combine("models"));
        File.Delete(temp.Combine("models", "unet", "model.onnx"));
        var cli = new TestCli(new RuntimeFilmRenderer());

        var exitCode = await cli.Cli.InvokeAsync(["render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--no-progress", "--out", temp.Combine("out"), "--lock", temp.Combine("film.lock.json"), "--models", temp.Combine("models")]);

        Assert.Equal(ExitCodes.RenderFailed, exitCode);
        Assert.Contains($"cineforge: --models: {temp.Combine("models", "unet", "model.onnx")}: is missing; expected the unet ONNX model.", cli.Lines);
        Assert.False(Directory.Exists(temp.Combine("out")));
        Assert.False(File.Exists(temp.Combine("film.lock.json")));
    }

    [Fact]
    public async Task ModelFolder_DrawsTheKeyframesWithTheOnnxBackend()
    {
        TinyStableDiffusion.Write(temp.Combine("models"));
        var cli = new TestCli(new RuntimeFilmRenderer());

        await cli.Cli.InvokeAsync(["render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--no-progress", "--resolution", "64x36", "--out", temp.Combine("out"), "--lock", temp.Combine("film.lock.json"), "--models", temp.Combine("models")]);

        Assert.Contains(cli.Lines, l => l.StartsWith($"cineforge: keyframes from {temp.Combine("models")} (SD 1.x/2.x, float32) on ", StringComparison.Ordinal));
        Assert.Contains(cli.Lines, l => l.StartsWith("cineforge: No depth model", StringComparison.Ordinal));
        Assert.Contains(cli.Lines, l => l.Contains("keyframe(s)", StringComparison.Ordinal) || l.Contains("rejected", StringComparison.Ordinal));
        Assert.Contains("onnx-sd", File.ReadAllText(temp.Combine("film.lock.json")), StringComparison.Ordinal);
    }
}
