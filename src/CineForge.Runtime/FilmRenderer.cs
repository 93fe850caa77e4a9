using System.Reflection;
using System.Text.Json;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Locking;
using CineForge.Runtime.Media;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Stages;
using CineForge.Serialization;

namespace CineForge.Runtime;

/// <summary>
/// Renders every shot of a film to its selected clip (render part 1: keyframe → animate → correct
/// → select). Checks its inputs before any work, stores the plan, dispatches the shots' stage jobs
/// (here, or to a farm), then writes the film's summary and lock, with who made each artefact (or, locked, compares with the committed lock and leaves it as it is). The edit, grade, sound and exports consume <see cref="FilmRenderResult"/>.
/// </summary>
public sealed class FilmRenderer
{
    /// <summary>The film summary's file name in the film folder.</summary>
    public const string SummaryName = "render.json";

    /// <summary>The render lock held in the film folder while a render runs.</summary>
    public const string RenderLockName = ".render.lock";

    private readonly RenderBackends backends;
    private readonly IShotDispatcher? dispatcher;

    /// <summary>Creates a renderer with <paramref name="backends"/> (default: the previz) and <paramref name="dispatcher"/> (default: in-process, <see cref="RenderOptions.Parallelism"/> at a time).</summary>
    public FilmRenderer(RenderBackends? backends = null, IShotDispatcher? dispatcher = null)
    {
        this.backends = backends ?? RenderBackends.Previz();
        this.dispatcher = dispatcher;
    }

    /// <summary>The runtime's version, recorded in the lock.</summary>
    public static string RuntimeVersion { get; } = typeof(FilmRenderer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>The film's folder name under the output folder: its title as a slug.</summary>
    public static string FolderName(Film film) => Slug.From(film.Title);

    /// <summary>Renders <paramref name="film"/>.</summary>
    /// <remarks>
    /// With <see cref="RenderOptions.Locked"/> the lock file must exist; it is read before any work and
    /// never written, and <see cref="FilmRenderResult.Verification"/> lists what the render made that
    /// differs from it (<see cref="FilmLock.Verify"/>). Otherwise the lock is written after the render.
    /// </remarks>
    /// <exception cref="RenderException">Bad input (plan errors, missing asset, unwritable output, ffmpeg missing or too old) before any work, or a failing shot; earlier shots stay rendered.</exception>
    /// <exception cref="LockFileException">A locked render whose lock file is missing or unreadable, before any work.</exception>
    public Task<FilmRenderResult> RenderAsync(Film film, RenderOptions options, IProgress<RenderEvent>? progress = null, CancellationToken cancellationToken = default)
        => RenderAsync(film, options, progress, static (shots, _) => Task.FromResult(shots), cancellationToken);

    /// <summary>
    /// Renders <paramref name="film"/> as <see cref="RenderAsync(Film, RenderOptions, IProgress{RenderEvent}?, CancellationToken)"/> does,
    /// then runs <paramref name="thenUnderLock"/> on the result while still holding the film folder's render
    /// lock: what it writes there (the finishing pass) is never swept or overwritten by another render.
    /// </summary>
    /// <remarks>
    /// The lock (<see cref="RenderLockName"/>) is taken after the inputs are checked; its holder first removes
    /// what dead renders left: their temporary files (<see cref="AtomicFile.Sweep"/>) in the store, the film
    /// folder and beside the lock file, and their staging folders (<see cref="AtomicFolder.Sweep"/>). Every
    /// ffmpeg the render starts, the finishing pass's included, is stopped by <paramref name="cancellationToken"/>
    /// (<see cref="FfmpegTool.StoppedBy"/>); a cancelled render removes its own temporary files and releases the lock.
    /// </remarks>
    public async Task<T> RenderAsync<T>(Film film, RenderOptions options, IProgress<RenderEvent>? progress, Func<FilmRenderResult, CancellationToken, Task<T>> thenUnderLock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thenUnderLock);
        var render = Prepare(film, options, progress, cancellationToken);
        using var renderLock = HoldFolder(render.FilmDirectory, render.LockPath);
        var results = await (dispatcher ?? new InProcessShotDispatcher(options.Parallelism)).RunAsync(
            render.Shots,
            new ShotRunner(backends, render.Context, render.FilmDirectory),
            cancellationToken).ConfigureAwait(false);
        var result = Conclude(film, options, render, BackendIdentities.Of(backends), results);
        return await thenUnderLock(result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks <paramref name="film"/>'s inputs (plan, assets, the committed lock when locked, ffmpeg, a writable
    /// folder), stores its plan and describes its shots as plain data: everything before the shots are
    /// dispatched, which a farm's submitter does too. Takes no lock.
    /// </summary>
    /// <exception cref="RenderException">Bad input.</exception>
    /// <exception cref="LockFileException">A locked render whose lock file is missing or unreadable.</exception>
    public PreparedRender Prepare(Film film, RenderOptions options, IProgress<RenderEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(options);
        Preflight.CheckPlan(film);
        Preflight.CheckAssets(film, options.AssetRootOrDefault);
        var filmDirectory = Path.Combine(Path.GetFullPath(options.OutputDirectory), FolderName(film));
        var lockPath = Path.GetFullPath(options.LockFile ?? Path.Combine(filmDirectory, "film.lock.json"));
        var committed = options.Locked ? FilmLock.ReadCommitted(lockPath) : null;
        var ffmpeg = FfmpegTool.Locate(options.FfmpegPath).StoppedBy(cancellationToken);
        Preflight.CheckWritable(filmDirectory);
        var store = new ArtefactStore(options.StoreDirectory);
        var context = new ShotContext(film, store, ffmpeg, options.Encoding, options.Resolution, new WorkCounter(), progress, ArtefactProvenance.LocalWorker);
        var planKey = store.PutPlan(FilmJson.Serialize(film));
        var shots = Enumerable.Range(1, film.Shots.Count).Select(index => ShotJob.For(film, planKey, index, filmDirectory, context, backends)).ToList();
        return new PreparedRender(filmDirectory, lockPath, committed, context, shots);
    }

    /// <summary>
    /// Takes the film folder's render lock (<see cref="RenderLockName"/>), then removes what dead renders left:
    /// their temporary files (<see cref="AtomicFile.Sweep"/>) in the film folder and beside the lock file, and their
    /// staging folders (<see cref="AtomicFolder.Sweep"/>). Whoever publishes into the folder holds it: a local render
    /// throughout, a farm's finish job while it writes the summary, the lock and the finished film.
    /// </summary>
    /// <exception cref="RenderException">Another process holds the lock.</exception>
    public static IDisposable HoldFolder(string filmDirectory, string lockPath)
    {
        var renderLock = AcquireLock(filmDirectory);
        AtomicFile.Sweep(filmDirectory);
        AtomicFile.SweepTempsOf(lockPath);
        AtomicFolder.Sweep(filmDirectory);
        return renderLock;
    }

    /// <summary>
    /// The film's result from its shots' <paramref name="results"/>: continuity, the lock (written, or locked
    /// compared with the committed one and left alone) and the summary (<see cref="SummaryName"/>), as made
    /// with <paramref name="render"/>'s ffmpeg and <paramref name="backends"/>. The caller holds <see cref="HoldFolder"/>.
    /// </summary>
    public static FilmRenderResult Conclude(Film film, RenderOptions options, PreparedRender render, BackendIdentities backends, IReadOnlyList<ShotResult> results)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(results);
        var (filmDirectory, lockPath, committed) = (render.FilmDirectory, render.LockPath, render.Committed);
        var ffmpeg = render.Context.Ffmpeg;
        var continuity = Continuity(results);
        var filmLock = new FilmLock(
            film.Title,
            RuntimeVersion,
            ffmpeg.Version,
            options.Encoding,
            backends.Keyframes,
            backends.Refiner,
            backends.Animator,
            options.Resolution?.ToString(),
            AssetLock.Of(film, options.AssetRootOrDefault),
            results.Select(r => new ShotLock(r.Index, r.Name, r.Selected, r.Takes.Select(t => new TakeLock(t.Label, t.Seed, Path.GetRelativePath(filmDirectory, t.Clip).Replace('\\', '/'), t.ClipKey, t.ClipSha256, t.CorrectionPasses, t.MadeBy)).ToList(), r.SelectionMadeBy)).ToList());
        LockVerification? verification = null;
        IReadOnlyList<string> changes;
        if (committed is not null)
        {
            // Locked: compare with the committed lock and leave its file alone (same bytes, same time).
            changes = filmLock.ChangesSince(committed);
            verification = filmLock.Verify(committed, lockPath);
        }
        else
        {
            changes = filmLock.ChangesSince(FilmLock.ReadNode(lockPath));
            AtomicFile.WriteText(lockPath, filmLock.ToJson());
        }

        var work = results.Aggregate(RenderWork.None, (sum, r) => sum + r.Work);
        var result = new FilmRenderResult(filmDirectory, results, continuity, lockPath, changes, work, verification) { Ffmpeg = ffmpeg, Backends = [backends.Keyframes, backends.Refiner, backends.Animator] };
        AtomicFile.WriteText(Path.Combine(filmDirectory, SummaryName), JsonSerializer.Serialize(new Summary(film.Title, results.Select(r => new ShotSummary(r.Index, r.Name, r.SelectedTake is { } t ? Path.GetRelativePath(filmDirectory, t.Clip).Replace('\\', '/') : null, r.Report, r.SelectedTake?.Qa.Scores)).ToList(), continuity, result.Products), FilmJson.Options) + "\n");
        return result;
    }

    /// <summary>The colour step between each pair of consecutive shots that both have a take.</summary>
    public static IReadOnlyList<ContinuityStep> Continuity(IReadOnlyList<ShotResult> shots)
    {
        ArgumentNullException.ThrowIfNull(shots);
        var steps = new List<ContinuityStep>();
        for (var i = 1; i < shots.Count; i++)
        {
            if (shots[i - 1].SelectedTake is { } a && shots[i].SelectedTake is { } b)
            {
                double da = a.Qa.MeanA - b.Qa.MeanA, db = a.Qa.MeanB - b.Qa.MeanB;
                var delta = Math.Sqrt((da * da) + (db * db));
                steps.Add(new ContinuityStep(shots[i - 1].Name, shots[i].Name, Math.Round(delta, 3), QaMetrics.ColourCast.Passes(delta)));
            }
        }

        return steps;
    }

    private static FileStream AcquireLock(string filmDirectory)
    {
        var path = Path.Combine(filmDirectory, RenderLockName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new RenderException($"{filmDirectory} is being rendered by another process ({ex.Message}).", ex);
        }
    }

    private sealed record Summary(string Film, IReadOnlyList<ShotSummary> Shots, IReadOnlyList<ContinuityStep> Continuity, IReadOnlyList<Stages.Select.Qa.ProductStep> Products);

    private sealed record ShotSummary(int Index, string Shot, string? Selected, string Report, IReadOnlyList<Stages.Select.Qa.QaScore>? Qa);
}
