using CineForge.Cli.Commands.Render;
using CineForge.Runtime.Progress;

namespace CineForge.Cli.Tests.Commands;

/// <summary>Where a failed or interrupted render says it stopped, from its progress events.</summary>
public sealed class RenderPositionTests
{
    [Fact]
    public void Where_FollowsTheShotsInFlight_ThenTheFinishingStage_AndPassesEveryEventOn()
    {
        var shown = new List<RenderEvent>();
        var position = new RenderPosition(new Recorder(shown));
        Assert.Null(position.Where);

        position.Report(new RenderEvent(1, "shelter", "A-seed1", RenderStage.Animate, 12, 96));
        position.Report(new RenderEvent(2, "waiting", "A-seed2", RenderStage.Keyframe));
        Assert.Equal("in shot 01 'shelter' (take A-seed1, animate), shot 02 'waiting' (take A-seed2, keyframe)", position.Where);

        position.Report(new RenderEvent(1, "shelter", "A-seed1", RenderStage.Selected));
        position.Report(new RenderEvent(2, "waiting", "A-seed2", RenderStage.Rejected));
        Assert.Equal("between the shots and finishing", position.Where);

        position.Report(RenderEvent.Finishing(RenderStage.Export));
        Assert.Equal("in finishing (export)", position.Where);
        Assert.Equal(5, shown.Count);
    }

    private sealed class Recorder(List<RenderEvent> shown) : IProgress<RenderEvent>
    {
        public void Report(RenderEvent value) => shown.Add(value);
    }
}
