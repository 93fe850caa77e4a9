using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Select;

namespace CineForge.Runtime.Dispatch;

/// <summary>
/// The submitter's side of a film's shots: renders every stage of a shot here, or reads back the
/// result that the shot's stage jobs left in the store and the film folder when they ran elsewhere.
/// </summary>
/// <param name="backends">The submitter's backends.</param>
/// <param name="context">The film, store, tools and progress of this render.</param>
/// <param name="filmDirectory">The film's output folder.</param>
public sealed class ShotRunner(RenderBackends backends, ShotContext context, string filmDirectory)
{
    private readonly ShotRenderer renderer = new(backends);
    private readonly ShotSelector selector = new(BackendIdentities.Of(backends));

    /// <summary>Runs every stage of <paramref name="shot"/> in this process.</summary>
    public Task<ShotResult> RenderAsync(ShotJob shot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shot);
        return renderer.RenderAsync(context, shot.Index, filmDirectory, cancellationToken);
    }

    /// <summary>The result of <paramref name="shot"/> whose stage jobs <paramref name="runs"/> ran elsewhere; reads only, renders nothing.</summary>
    /// <exception cref="RenderException">What the stage jobs should have left is missing.</exception>
    public async Task<ShotResult> ReadBackAsync(ShotJob shot, IReadOnlyList<StageRun> runs)
    {
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentNullException.ThrowIfNull(runs);
        var result = await selector.ReadAsync(context, shot.Index, filmDirectory).ConfigureAwait(false);
        return result with { Stages = runs, Work = runs.Aggregate(RenderWork.None, (sum, run) => sum + run.Work) };
    }
}
