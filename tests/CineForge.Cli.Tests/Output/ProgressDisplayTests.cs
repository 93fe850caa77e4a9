using CineForge.Cli.Output;
using CineForge.Runtime.Progress;
using Spectre.Console;
using Spectre.Console.Testing;

namespace CineForge.Cli.Tests.Output;

public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task NonInteractiveConsole_StaysQuiet()
    {
        var console = new TestConsole();
        console.Profile.Capabilities.Interactive = false;

        var result = await ConsoleRenderDisplay.RunAsync(console, live: true, progress =>
        {
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Keyframe));
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Animate, 12, 72));
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Selected, Message: "all QA checks pass"));
            progress.Report(new RenderEvent(2, "street", "A-seed12", RenderStage.Rejected, Message: "QA01 [major]"));
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Equal(string.Empty, console.Output);
    }

    [Fact]
    public async Task InteractiveConsole_DrawsOneBarPerTake()
    {
        var console = new TestConsole().Interactive();

        await ConsoleRenderDisplay.RunAsync(console, live: true, progress =>
        {
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Animate, 36, 72));
            progress.Report(new RenderEvent(2, "street", "B-seed12", RenderStage.Cached));
            return Task.FromResult(0);
        });

        Assert.Contains("01-waiting/A-seed11 animate", console.Output, StringComparison.Ordinal);
        Assert.Contains("02-street/B-seed12 cached", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonInteractiveConsole_PrintsALinePerFinishingStage()
    {
        var console = new TestConsole();
        console.Profile.Capabilities.Interactive = false;

        await ConsoleRenderDisplay.RunAsync(console, live: false, progress =>
        {
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Selected));
            progress.Report(RenderEvent.Finishing(RenderStage.Edit));
            progress.Report(RenderEvent.Finishing(RenderStage.Export) with { Frame = 10, Frames = 100 });
            progress.Report(RenderEvent.Finishing(RenderStage.Report));
            return Task.FromResult(0);
        });

        Assert.Equal(["cineforge: edit", "cineforge: report"], console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task InteractiveConsole_DrawsOneBarForFinishing()
    {
        var console = new TestConsole().Interactive();

        await ConsoleRenderDisplay.RunAsync(console, live: true, progress =>
        {
            progress.Report(RenderEvent.Finishing(RenderStage.Grade));
            return Task.FromResult(0);
        });

        Assert.Contains("finishing grade", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractiveConsole_FillsTheFinishingBarAsTheStreamGoes()
    {
        var console = new TestConsole().Interactive();

        await ConsoleRenderDisplay.RunAsync(console, live: true, progress =>
        {
            progress.Report(RenderEvent.Finishing(RenderStage.Export));
            progress.Report(RenderEvent.Finishing(RenderStage.Export) with { Frame = 50, Frames = 100 });
            return Task.FromResult(0);
        });

        // Edit, grade and sound done (3 of 5 steps), the stream half-way: 70%.
        Assert.Contains("finishing export", console.Output, StringComparison.Ordinal);
        Assert.Contains("70%", console.Output, StringComparison.Ordinal);
    }
}
