using CineForge.Cli.Commands.Render;
using System.Text.Json;
using CineForge.Onnx.Tests.Models;
using CineForge.Onnx.Tests.Video;
using CineForge.Runtime.Media;

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
        Assert.Contains(cli.Lines, l => l.StartsWith("cineforge: No svd/ or depth/ model", StringComparison.Ordinal));
        Assert.Contains(cli.Lines, l => l.Contains("keyframe(s)", StringComparison.Ordinal) || l.Contains("rejected", StringComparison.Ordinal));
        Assert.Contains("onnx-sd", File.ReadAllText(temp.Combine("film.lock.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SvdFolder_AnimatesTheShots_At24Fps_ForTheShotsDuration_AndTheLockSaysSo()
    {
        TinyStableDiffusion.Write(temp.Combine("models"));
        TinySvd.Write(temp.Combine("models"));
        var cli = new TestCli(new RuntimeFilmRenderer());

        var exitCode = await cli.Cli.InvokeAsync(["render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--no-progress", "--resolution", "64x36", "--out", temp.Combine("out"), "--lock", temp.Combine("film.lock.json"), "--models", temp.Combine("models")]);

        // The tiny graphs paint flat blocks, which selection's QA may reject (exit 4): the clips are made either way.
        Assert.True(exitCode is ExitCodes.Success or ExitCodes.RenderFailed, cli.Console.Output + cli.Errors);
        Assert.DoesNotContain(cli.Lines, l => l.StartsWith("cineforge: No svd/", StringComparison.Ordinal));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(temp.Combine("film.lock.json")));
        var animator = lockFile.RootElement.GetProperty("animator");
        Assert.Equal("svd", animator.GetProperty("id").GetString());
        Assert.Contains(animator.GetProperty("modelHashes").EnumerateArray(), h => h.GetString()!.StartsWith("svd/unet/model.onnx=", StringComparison.Ordinal));

        var film = (await Hosting.FilmScript.LoadAsync(Repo.PathOf("examples", "mini-case", "film.csx")))[0];
        var ffmpeg = FfmpegTool.Locate(null);
        foreach (var (shot, entry) in film.Shots.Zip(lockFile.RootElement.GetProperty("shots").EnumerateArray()))
        {
            foreach (var take in entry.GetProperty("takes").EnumerateArray())
            {
                var probe = ffmpeg.Probe(Path.Combine(temp.Combine("out"), Runtime.FilmRenderer.FolderName(film), take.GetProperty("clip").GetString()!));
                Assert.Equal(24, probe.FrameRate, 3);
                Assert.Equal(Math.Round(shot.Duration * 24) / 24, probe.Duration, 0.05);
            }
        }
    }
}
