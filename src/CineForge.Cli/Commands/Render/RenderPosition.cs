using CineForge.Runtime.Progress;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// Where a render is, from its progress events, so a render that fails or is interrupted can say at
/// which stage it stopped: the shots in flight with their take and stage, or the finishing stage.
/// Passes every event on to the display it wraps.
/// </summary>
public sealed class RenderPosition(IProgress<RenderEvent> display) : IProgress<RenderEvent>
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<int, RenderEvent> shotsInFlight = [];
    private RenderStage? finishing;
    private bool started;

    /// <summary>Where the render is: <c>in shot 02 'waiting' (take A-seed2, animate)</c>, <c>in finishing (export)</c>; null before its first event.</summary>
    public string? Where
    {
        get
        {
            lock (gate)
            {
                return finishing is { } stage ? $"in finishing ({Name(stage)})"
                    : shotsInFlight.Count > 0 ? "in " + string.Join(", ", shotsInFlight.Values.Select(e => $"shot {e.ShotIndex:00} '{e.Shot}' (take {e.Take}, {Name(e.Stage)})"))
                    : started ? "between the shots and finishing"
                    : null;
            }
        }
    }

    /// <inheritdoc />
    public void Report(RenderEvent value)
    {
        lock (gate)
        {
            started = true;
            if (value.IsFinishing)
            {
                finishing = value.Stage;
            }
            else if (value.Stage is RenderStage.Selected or RenderStage.Rejected)
            {
                shotsInFlight.Remove(value.ShotIndex);
            }
            else
            {
                shotsInFlight[value.ShotIndex] = value;
            }
        }

        display.Report(value);
    }

    private static string Name(RenderStage stage) => stage.ToString().ToLowerInvariant();
}
