using CineForge.Rules;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Select;

namespace CineForge.Runtime.Stages;

/// <summary>
/// All the stage jobs of one shot, run here one after the other: for each take its keyframe stage,
/// then its animate stage (<see cref="TakePipeline"/>); then the shot's select stage
/// (<see cref="ShotSelector"/>). A farm runs the same stage methods as separate jobs.
/// </summary>
public sealed class ShotRenderer(RenderBackends backends)
{
    private readonly TakePipeline takes = new(backends);
    private readonly ShotSelector selector = new(BackendIdentities.Of(backends));

    /// <summary>The settings log's file name in each shot folder.</summary>
    public const string SettingsLogName = "shot.json";

    /// <summary>The shot folder name: "03-tired-mirror".</summary>
    public static string FolderName(int index, Shot shot) => $"{index:00}-{shot.Name}";

    /// <summary>Renders shot <paramref name="index"/> (1-based) of the film into <paramref name="filmDirectory"/>.</summary>
    /// <exception cref="RenderException">A stage failed; the message names the shot, the take and the stage.</exception>
    public async Task<ShotResult> RenderAsync(ShotContext context, int index, string filmDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shot = context.Film.Shots[index - 1];
        var runs = new List<StageRun>();
        try
        {
            foreach (var take in ShotTake.Of(shot, index, Recommended.MaxVersionsPerShot))
            {
                runs.Add(takes.Keyframe(context, take, cancellationToken));
                runs.Add(await takes.AnimateAsync(context, take, cancellationToken).ConfigureAwait(false));
            }

            var (result, select) = await selector.SelectAsync(context, index, filmDirectory, cancellationToken).ConfigureAwait(false);
            runs.Add(select);
            return result with { Stages = runs, Work = runs.Aggregate(RenderWork.None, (sum, run) => sum + run.Work) };
        }
        catch (StageInputMissingException ex)
        {
            // Here every stage runs right before the next: a missing input means the store changed under the render.
            throw new RenderException(ex.Message, ex);
        }
    }
}
