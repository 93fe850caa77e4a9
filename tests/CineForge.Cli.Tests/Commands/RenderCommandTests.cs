using CineForge.Cli.Commands.Render;
using CineForge.Rules;
using Spectre.Console;

namespace CineForge.Cli.Tests.Commands;

/// <summary>The render seam: only validated films reach the renderer, and its exit code is the command's.</summary>
public sealed class RenderCommandTests
{
    [Fact]
    public async Task ValidFilm_IsHandedToTheRenderer_WithItsOutputFolder()
    {
        var renderer = new RecordingRenderer(ExitCodes.Success);
        var cli = new TestCli(renderer);

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache" });

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.Single(renderer.Requests);
        Assert.Equal("Rain Check", request.Film.Title);
        Assert.Equal(Repo.PathOf("examples", "mini-case", "render"), request.OutputDirectory);
        Assert.Empty(request.Diagnostics);
    }

    [Fact]
    public async Task FilmWithErrors_NeverReachesTheRenderer()
    {
        var renderer = new RecordingRenderer(ExitCodes.Success);
        var cli = new TestCli(renderer);

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Repo.PathOf("examples", "mistakes", "film.csx"), "--no-cache" });

        Assert.Equal(ExitCodes.FilmErrors, exitCode);
        Assert.Empty(renderer.Requests);
        Assert.Equal("cineforge: render stopped: 3 errors; nothing was rendered.", cli.Lines[^1]);
    }

    [Fact]
    public async Task RendererFailure_IsTheExitCode()
    {
        var cli = new TestCli(new RecordingRenderer(ExitCodes.RenderFailed));

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache" });

        Assert.Equal(ExitCodes.RenderFailed, exitCode);
    }

    [Fact]
    public async Task WarnAsError_StopsAFilmWithWarnings()
    {
        var renderer = new RecordingRenderer(ExitCodes.Success);
        var cli = new TestCli(renderer);

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", "--warnaserror", Repo.Fixture("warnings-only"), "--no-cache" });

        Assert.Equal(ExitCodes.FilmErrors, exitCode);
        Assert.Empty(renderer.Requests);
    }

    [Fact]
    public async Task RuntimeRenderer_FfmpegMissing_FailsWithExit4_AndSaysWhy()
    {
        var cli = new TestCli(new RuntimeFilmRenderer());
        using var temp = new TempFolder();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--out", temp.Path, "--lock", temp.Combine("film.lock.json"), "--ffmpeg", temp.Combine("no-ffmpeg") });

        Assert.Equal(ExitCodes.RenderFailed, exitCode);
        Assert.StartsWith("cineforge: render failed: ffmpeg not found", cli.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ReachTheRendererTyped()
    {
        var renderer = new RecordingRenderer(ExitCodes.Success);
        var cli = new TestCli(renderer);

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--resolution", "320x180", "--parallel", "3", "--locked", "--script-timeout", "12.5" });

        Assert.Equal(ExitCodes.Success, exitCode);
        var settings = Assert.Single(renderer.Requests).Settings;
        Assert.Equal(new FrameSize(320, 180), settings.Resolution);
        Assert.Equal(3, settings.Parallel);
        Assert.True(settings.Locked);
        Assert.Null(settings.Farm);
        Assert.Equal(GlobalSettings.Default with { NoCache = true, RunTimeout = TimeSpan.FromSeconds(12.5) }, settings.Global);
    }

    [Fact]
    public async Task Farm_GoesThroughTheRendererSeam_WithItsConnectionString()
    {
        var local = new RecordingRenderer(ExitCodes.Success);
        var onFarm = new RecordingRenderer(ExitCodes.Success);
        var connections = new List<string>();
        var cli = new TestCli(new FilmRenderers(local, connection =>
        {
            connections.Add(connection);
            return onFarm;
        }));

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--farm", "Host=farm.example;Database=films" });

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(["Host=farm.example;Database=films"], connections);
        Assert.Empty(local.Requests);
        Assert.Equal("Host=farm.example;Database=films", Assert.Single(onFarm.Requests).Settings.Farm);
    }

    private sealed class RecordingRenderer(int exitCode) : IFilmRenderer
    {
        public List<RenderRequest> Requests { get; } = new();

        public Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(exitCode);
        }
    }
}
