using System.Text.Json;
using CineForge.Rules;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Select;
using CineForge.Serialization;

namespace CineForge.Runtime.Dispatch;

/// <summary>
/// One stage job of a shot as plain data: a worker turns it back into the same stage method a local
/// render runs (<see cref="TakePipeline.Keyframe"/>, <see cref="TakePipeline.AnimateAsync"/>,
/// <see cref="ShotSelector.SelectAsync"/>), against the shared store; a worker whose tools differ
/// refuses it instead of rendering other bytes.
/// </summary>
/// <param name="Shot">The shot.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Take">The take, or null for <see cref="ShotStage.Select"/>.</param>
public sealed record StageJob(ShotJob Shot, ShotStage Stage, string? Take)
{
    /// <summary>"03-tired-mirror of Lumiere Serum: keyframe A".</summary>
    public string Label => $"{Shot.Label}: {StageRun.Describe(Stage, Take)}";

    /// <summary>The job as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FilmJson.Options);

    /// <summary>Reads a job written by <see cref="ToJson"/>.</summary>
    public static StageJob FromJson(string json) => JsonSerializer.Deserialize<StageJob>(json, FilmJson.Options) ?? throw new JsonException("The JSON holds no stage job.");

    /// <summary>Runs the stage on <paramref name="host"/>.</summary>
    /// <exception cref="ShotJobRefusedException">The plan has errors or does not hold this shot and take, or this machine's ffmpeg or (for keyframe and animate) backends differ from the submitter's.</exception>
    /// <exception cref="StageInputMissingException">The stage's input is not in the store yet.</exception>
    public async Task<StageRun> RunAsync(StageHost host, IProgress<RenderEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var where = $"Shot #{Shot.Index} '{Shot.Shot}' of '{Shot.Title}', {StageRun.Describe(Stage, Take)}";
        var ffmpeg = host.Ffmpeg;
        if (ffmpeg.Version != Shot.Ffmpeg)
        {
            throw new ShotJobRefusedException($"{where} needs ffmpeg {Shot.Ffmpeg}; this machine has {ffmpeg.Version}.");
        }

        // Selection renders nothing: it reads artefacts by the submitter's backend identities, so a worker without the models can run it.
        if (Stage != ShotStage.Select)
        {
            var local = BackendIdentities.Of(host.Backends).ToList();
            for (var i = 0; i < Shot.Backends.Count; i++)
            {
                if (i >= local.Count || !Same(local[i], Shot.Backends[i]))
                {
                    throw new ShotJobRefusedException($"{where} needs backend {Shot.Backends[i]} with models [{string.Join(", ", Shot.Backends[i].ModelHashes)}]; this machine has {(i < local.Count ? local[i] + " [" + string.Join(", ", local[i].ModelHashes) + "]" : "none")}.");
                }
            }
        }

        var store = host.Store(Shot.Store);
        var film = host.Plan(store, Shot.Plan);
        if (film.Shots.Count < Shot.Index || film.Shots[Shot.Index - 1].Name != Shot.Shot)
        {
            throw new ShotJobRefusedException($"{where}: the plan {Shot.Plan} has no shot #{Shot.Index} named '{Shot.Shot}'.");
        }

        var context = new ShotContext(film, store, ffmpeg, Shot.Encoding, Shot.ForcedSize(), new WorkCounter(), progress, host.Worker);
        switch (Stage)
        {
            case ShotStage.Keyframe:
                return host.Takes.Keyframe(context, TakeOf(film, where), cancellationToken);
            case ShotStage.Animate:
                return await host.Takes.AnimateAsync(context, TakeOf(film, where), cancellationToken).ConfigureAwait(false);
            default:
                var identities = new BackendIdentities(Shot.Backends[0], Shot.Backends[1], Shot.Backends[2]);
                var (_, run) = await new ShotSelector(identities).SelectAsync(context, Shot.Index, Shot.FilmDirectory, cancellationToken).ConfigureAwait(false);
                return run;
        }
    }

    private ShotTake TakeOf(Film film, string where) =>
        ShotTake.Of(film.Shots[Shot.Index - 1], Shot.Index, Recommended.MaxVersionsPerShot).FirstOrDefault(t => t.Label == Take)
            ?? throw new ShotJobRefusedException($"{where}: the shot has no take '{Take}'.");

    private static bool Same(BackendIdentity a, BackendIdentity b) => a.Id == b.Id && a.Version == b.Version && a.ModelHashes.SequenceEqual(b.ModelHashes);
}
