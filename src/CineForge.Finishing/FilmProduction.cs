using CineForge.Finishing.Assets;
using CineForge.Finishing.Media;
using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Progress;

namespace CineForge.Finishing;

/// <summary>A whole film's render: the shots (<see cref="Shots"/>), then, when every shot has a take and a locked render matches its lock, the finishing pass (<see cref="Finished"/>).</summary>
/// <param name="Shots">Render part 1: keyframes, animation, correction, selection, the lock.</param>
/// <param name="Finished">Edit, grade, sound, exports and report; null when the film stopped before finishing (<see cref="Stopped"/>).</param>
public sealed record FilmProductionResult(FilmRenderResult Shots, FinishingResult? Finished)
{
    /// <summary>Why finishing did not run: a rejected shot, or a locked render that differs from its lock; null when it ran.</summary>
    public string? Stopped => Finished is not null ? null
        : !Shots.AllSelected ? "a shot has no take that passed QA"
        : Shots.Verification is { Holds: false } ? "the render differs from the lock"
        : null;

    /// <summary>The result as plain data: the shots and the finishing pass's summary.</summary>
    public FilmOutcome Outcome => new(Shots, Finished is null ? null : FinishingSummary.Of(Finished));
}

/// <summary>
/// The library's one call that renders a whole film: shots (keyframe → animate → correct → select,
/// here or on a farm through <paramref name="dispatcher"/>), then edit → grade → sound → exports →
/// report, on one ffmpeg (<see cref="RenderOptions.FfmpegPath"/>), one store
/// (<see cref="RenderOptions.StoreDirectory"/>) and one progress stream. The command, the farm, the
/// tests and the benchmarks all render through it.
/// </summary>
/// <param name="backends">Keyframe, correction and animation backends; default the previz.</param>
/// <param name="dispatcher">Where the shots' stage jobs run; default in-process, <see cref="RenderOptions.Parallelism"/> at a time.</param>
public sealed class FilmProduction(RenderBackends? backends = null, IShotDispatcher? dispatcher = null)
{
    /// <summary>Renders and finishes <paramref name="film"/>.</summary>
    /// <remarks>
    /// Finishing is skipped, not failed, when a shot is rejected or a locked render (<see cref="RenderOptions.Locked"/>)
    /// differs from its lock: <see cref="FilmProductionResult.Stopped"/> says which. The finishing pass's
    /// events reach <paramref name="progress"/> as <see cref="RenderEvent.Finishing"/>. Cancelled through
    /// <paramref name="cancellationToken"/>, the render kills its ffmpeg processes, removes its temporary
    /// files and staging folders, releases the render lock and throws <see cref="OperationCanceledException"/>;
    /// what was complete stays in the store, so the next render resumes from it.
    /// </remarks>
    /// <exception cref="RenderException">Bad input, a failing tool or stage (<see cref="FinishingException"/> for the finishing pass's inputs); what was rendered stays in the store.</exception>
    /// <exception cref="Runtime.Locking.LockFileException">A locked render whose lock file is missing or unreadable, before any work.</exception>
    public async Task<FilmProductionResult> RenderAsync(Film film, RenderOptions options, IProgress<RenderEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(options);

        Check(film, options, cancellationToken);

        // Finishing runs under the shots' render lock: no other render of this folder sweeps its staging folders or publishes beside it.
        return await new FilmRenderer(backends, dispatcher).RenderAsync(film, options, progress, (shots, token) => FinishAsync(film, shots, options, progress, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Bad input fails before any work, wherever the film renders: plan errors, then every asset the film names.</summary>
    /// <exception cref="RenderException">The plan has errors or an asset is missing or unreadable.</exception>
    public static void Check(Film film, RenderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(options);
        Preflight.CheckPlan(film);
        AssetCheck.Require(film, options.AssetRootOrDefault, Runtime.Media.FfmpegTool.Locate(options.FfmpegPath), cancellationToken);
    }

    /// <summary>
    /// The finishing pass on <paramref name="shots"/>, the film's rendered shots, into their film folder; skipped
    /// (<see cref="FilmProductionResult.Finished"/> null) when a shot is rejected or a locked render differs from its
    /// lock. The caller holds the film folder's render lock (<see cref="FilmRenderer.HoldFolder"/>).
    /// </summary>
    public static async Task<FilmProductionResult> FinishAsync(Film film, FilmRenderResult shots, RenderOptions options, IProgress<RenderEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shots);
        if (!shots.AllSelected || shots.Verification is { Holds: false })
        {
            return new FilmProductionResult(shots, null);
        }

        var request = RenderedFilm.Request(film, shots, options);
        var finished = await Task.Run(() => new FinishingPipeline(new StageCache(options.StoreDirectory)).Run(request, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new FilmProductionResult(shots, finished);
    }
}
