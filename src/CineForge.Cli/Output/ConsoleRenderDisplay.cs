using CineForge.Runtime.Progress;
using Spectre.Console;

namespace CineForge.Cli.Output;

/// <summary>
/// Shows a render's progress on a console: one live bar per shot and take with its stage, and one for
/// the finishing pass, when the console is interactive and progress is wanted; otherwise only a line as
/// each finishing stage starts (CI logs stay short: the caller prints the verdicts once the render ends).
/// </summary>
public static class ConsoleRenderDisplay
{
    /// <summary>Runs <paramref name="render"/> with a progress sink drawn on <paramref name="console"/>; with <paramref name="live"/> false, or a console that is not interactive, it draws nothing.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, bool live, Func<IProgress<RenderEvent>, Task<T>> render)
    {
        if (!live || !console.Profile.Capabilities.Interactive)
        {
            return await render(new Quiet(console.Profile.Out.Writer)).ConfigureAwait(false);
        }

        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context => result = await render(new LiveProgress(context)).ConfigureAwait(false))
            .ConfigureAwait(false);
        return result;
    }

    private sealed class Quiet(TextWriter output) : IProgress<RenderEvent>
    {
        public void Report(RenderEvent value)
        {
            // A line as each stage starts; the stream's frame counts would flood a CI log.
            if (value.IsFinishing && value.Frames == 0)
            {
                output.WriteLine($"cineforge: {value.Stage.ToString().ToLowerInvariant()}");
            }
        }
    }

    private sealed class LiveProgress(ProgressContext context) : IProgress<RenderEvent>
    {
        private readonly Dictionary<string, ProgressTask> tasks = [];
        private readonly Lock gate = new();

        public void Report(RenderEvent value)
        {
            lock (gate)
            {
                if (value.IsFinishing)
                {
                    Finishing(value);
                    return;
                }

                var key = $"{value.ShotIndex:00}-{value.Shot}/{value.Take}";
                if (!tasks.TryGetValue(key, out var task))
                {
                    task = context.AddTask(Markup.Escape(key), maxValue: 1);
                    tasks[key] = task;
                }

                var label = Markup.Escape($"{key} {value.Stage.ToString().ToLowerInvariant()}{(value.Message is null ? string.Empty : " " + value.Message)}");
                task.Description = label;
                switch (value.Stage)
                {
                    case RenderStage.Animate when value.Frames > 0:
                        task.MaxValue = value.Frames;
                        task.Value = value.Frame;
                        break;
                    case RenderStage.Cached or RenderStage.Selected or RenderStage.Rejected:
                        task.Value = task.MaxValue;
                        task.StopTask();
                        break;
                }
            }
        }

        // One bar for the whole finishing pass: a step per stage, edit to report; the stream's step
        // fills as its frames go by, so the bar's time left follows the longest stage.
        private void Finishing(RenderEvent value)
        {
            var stage = value.Stage;
            if (!tasks.TryGetValue(RenderEvent.FinishingName, out var task))
            {
                task = context.AddTask(RenderEvent.FinishingName, maxValue: RenderStage.Report - RenderStage.Edit + 1);
                tasks[RenderEvent.FinishingName] = task;
            }

            task.Description = $"{RenderEvent.FinishingName} {stage.ToString().ToLowerInvariant()}";
            task.Value = stage - RenderStage.Edit + (value.Frames > 0 ? (double)value.Frame / value.Frames : 0);
        }
    }
}
