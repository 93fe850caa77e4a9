using CineForge.Runtime.Progress;
using Spectre.Console;
using Spectre.Console.Testing;

namespace CineForge.Runtime.Tests.Rendering;

public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task NonInteractiveConsole_PrintsOneLinePerShotVerdict()
    {
        var console = new TestConsole();
        console.Profile.Capabilities.Interactive = false;

        await ConsoleRenderDisplay.RunAsync(console, live: true, progress =>
        {
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Keyframe));
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Animate, 12, 72));
            progress.Report(new RenderEvent(1, "waiting", "A-seed11", RenderStage.Selected, Message: "all QA checks pass"));
            progress.Report(new RenderEvent(2, "street", "A-seed12", RenderStage.Rejected, Message: "QA01 [major]"));
            return Task.FromResult(0);
        });

        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["01 waiting: selected A-seed11 all QA checks pass", "02 street: rejected A-seed12 QA01 [major]"], lines);
    }
}
