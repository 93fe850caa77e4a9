using System.Text.Json;
using CineForge.Runtime;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Locking;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Select;
using CineForge.Serialization;

namespace CineForge.Finishing;

/// <summary>
/// The end of a film rendered on a farm, as plain data: once every shot is selected, a worker reads the
/// shots back from the store and the film folder, writes the summary and the lock, and runs the
/// finishing pass and the report into the film folder, the same calls a local render makes after its
/// shots (<see cref="FilmRenderer.Conclude"/>, <see cref="FilmProduction.FinishAsync"/>), so the bytes
/// are the same. Besides the shots (the plan's key, folders, settings, tool and backend versions) it
/// carries what finishing needs and the plan does not: the script, the asset root and the lock.
/// </summary>
/// <param name="Shots">Every shot's job, in order, as the submitter described them.</param>
/// <param name="ScriptPath">The film script, archived next to the master; null when the film came from no script.</param>
/// <param name="AssetRoot">The folder the plan's relative asset paths resolve from.</param>
/// <param name="LockFile">The lock file.</param>
/// <param name="Locked">A locked render: the lock is compared, never written.</param>
public sealed record FilmFinishJob(IReadOnlyList<ShotJob> Shots, string? ScriptPath, string AssetRoot, string LockFile, bool Locked)
{
    /// <summary>The finish job of <paramref name="render"/>, prepared with <paramref name="options"/>.</summary>
    public static FilmFinishJob For(RenderOptions options, PreparedRender render)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(render);
        return new(render.Shots, options.ScriptPath is { } script ? Path.GetFullPath(script) : null, Path.GetFullPath(options.AssetRootOrDefault), render.LockPath, options.Locked);
    }

    /// <summary>"Lumiere Serum: finish": the job in Hangfire and messages.</summary>
    public string Label => $"{Shots[0].Title}: finish";

    /// <summary>The job as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FilmJson.Options);

    /// <summary>Reads a job written by <see cref="ToJson"/>.</summary>
    public static FilmFinishJob FromJson(string json) => JsonSerializer.Deserialize<FilmFinishJob>(json, FilmJson.Options) ?? throw new JsonException("The JSON holds no finish job.");

    /// <summary>Reads the shots back, writes the summary and the lock, and finishes the film on <paramref name="host"/>, holding the film folder's render lock.</summary>
    /// <exception cref="ShotJobRefusedException">This machine's ffmpeg differs from the submitter's, or the plan has errors.</exception>
    /// <exception cref="RenderException">Another process holds the film folder, a shot's selection is missing, or finishing failed.</exception>
    public async Task<FilmFinishOutcome> RunAsync(StageHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var first = Shots[0];
        var ffmpeg = host.Ffmpeg;
        if (ffmpeg.Version != first.Ffmpeg)
        {
            throw new ShotJobRefusedException($"The finishing of '{first.Title}' needs ffmpeg {first.Ffmpeg}; this machine has {ffmpeg.Version}.");
        }

        var store = host.Store(first.Store);
        var film = host.Plan(store, first.Plan);
        var options = new RenderOptions
        {
            OutputDirectory = Path.GetDirectoryName(first.FilmDirectory)!,
            CacheDirectory = first.Store,
            ScriptPath = ScriptPath,
            AssetRoot = AssetRoot,
            LockFile = LockFile,
            Locked = Locked,
            Resolution = first.ForcedSize(),
            Encoding = first.Encoding,
        };
        var context = new ShotContext(film, store, ffmpeg.StoppedBy(cancellationToken), first.Encoding, options.Resolution, new WorkCounter(), null, host.Worker);
        var identities = new BackendIdentities(first.Backends[0], first.Backends[1], first.Backends[2]);
        using (FilmRenderer.HoldFolder(first.FilmDirectory, LockFile))
        {
            var committed = Locked ? FilmLock.ReadCommitted(LockFile) : null;
            var selector = new ShotSelector(identities);
            var results = new List<ShotResult>(Shots.Count);
            foreach (var shot in Shots)
            {
                results.Add(await selector.ReadAsync(context, shot.Index, first.FilmDirectory).ConfigureAwait(false));
            }

            var shots = FilmRenderer.Conclude(film, options, new PreparedRender(first.FilmDirectory, LockFile, committed, context, Shots), identities, results);
            var production = await FilmProduction.FinishAsync(film, shots, options, progress: null, cancellationToken).ConfigureAwait(false);
            return new FilmFinishOutcome(shots.LockChanges, shots.Verification, production.Finished is { } finished ? FinishingSummary.Of(finished) : null);
        }
    }
}

/// <summary>What a farm's finish job leaves for the submitter that watches: what it alone knew once it had written the lock, and what the finishing pass made.</summary>
/// <param name="LockChanges">What changed since the lock the render replaced (<see cref="FilmRenderResult.LockChanges"/>).</param>
/// <param name="Verification">A locked render's comparison with its lock; null otherwise.</param>
/// <param name="Finished">The finishing pass's summary; null when it did not run (a rejected shot, a lock that does not hold).</param>
public sealed record FilmFinishOutcome(IReadOnlyList<string> LockChanges, LockVerification? Verification, FinishingSummary? Finished)
{
    /// <summary>The outcome as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FilmJson.Options);

    /// <summary>Reads an outcome written by <see cref="ToJson"/>.</summary>
    public static FilmFinishOutcome FromJson(string json) => JsonSerializer.Deserialize<FilmFinishOutcome>(json, FilmJson.Options) ?? throw new JsonException("The JSON holds no finish outcome.");
}
