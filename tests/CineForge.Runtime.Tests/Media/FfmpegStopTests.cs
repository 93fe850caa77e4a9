using System.Diagnostics;
using CineForge.Runtime.Media;

namespace CineForge.Runtime.Tests.Media;

/// <summary>A tool bound to a render's token (<see cref="FfmpegTool.StoppedBy"/>) stops every ffmpeg it starts when the token fires.</summary>
public sealed class FfmpegStopTests
{
    [Fact]
    public async Task BoundTool_StopsARunWhoseCallerPassesNoToken_AndLeavesNoFfmpeg()
    {
        using var stop = new CancellationTokenSource();
        var tool = FfmpegTool.Default.StoppedBy(stop.Token);
        var marker = "cineforge-stop-test-" + Guid.NewGuid().ToString("N");

        // Ten minutes of video read in real time (-re): it only ends when it is stopped. No token in the call, as the finishing stages' sampling passes none.
        var run = Task.Run(() => tool.Run(["-re", "-f", "lavfi", "-i", "testsrc=size=64x36:rate=25", "-t", "600", "-metadata", "comment=" + marker, "-f", "null", "-"], "endless"));
        await WaitUntilStartedAsync(run, marker);
        var clock = Stopwatch.StartNew();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the run took {clock.Elapsed.TotalSeconds:0.0} s to stop");
        Assert.Empty(Processes.WithArgumentContaining(marker));
    }

    [Fact]
    public void StoppedTool_StartsNothing()
    {
        var tool = FfmpegTool.Default.StoppedBy(new CancellationToken(canceled: true));

        Assert.ThrowsAny<OperationCanceledException>(() => tool.Run(["-version"], "version"));
    }

    private static async Task WaitUntilStartedAsync(Task run, string marker)
    {
        var clock = Stopwatch.StartNew();
        while (Processes.WithArgumentContaining(marker).Count == 0)
        {
            Assert.False(run.IsCompleted, "the run ended before it was stopped: " + run.Exception?.InnerException?.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "ffmpeg did not start");
            await Task.Delay(20);
        }
    }
}
