using System.Globalization;
using System.Text.Json;
using CineForge.Rules;
using CineForge.Runtime.Media;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages;
using CineForge.Serialization;

namespace CineForge.Runtime.Dispatch;

/// <summary>
/// One shot of a render as plain data, so its stage jobs can cross a process or machine boundary:
/// the key of the plan in the store, the shot and its takes, the folders, the settings that change
/// pixels, and the tool and backend versions the submitter resolved.
/// </summary>
/// <param name="Plan">The key of the film's plan in the store (<see cref="Cache.ArtefactStore.PutPlan"/>).</param>
/// <param name="Title">The film's title (for status and messages).</param>
/// <param name="Index">1-based shot index.</param>
/// <param name="Shot">The shot's name.</param>
/// <param name="Takes">The shot's take labels: "A", and its variant's.</param>
/// <param name="Keyframes">
/// The key of each take's keyframe stage output, in take order. Takes may share one (a B that
/// changes only motion, camera or duration animates A's keyframe): a farm runs the later take's
/// keyframe job after the earlier one's, so it finds the keyframe stored instead of drawing it again.
/// </param>
/// <param name="FilmDirectory">The film's output folder (shared by every worker).</param>
/// <param name="Store">The artefact store's folder (shared by every worker).</param>
/// <param name="Encoding">Clip encoder settings.</param>
/// <param name="Resolution">Forced frame size ("WxH"), or null.</param>
/// <param name="Ffmpeg">The ffmpeg version the submitter resolved.</param>
/// <param name="Backends">The backends the submitter resolved: keyframes, refiner, animator.</param>
public sealed record ShotJob(string Plan, string Title, int Index, string Shot, IReadOnlyList<string> Takes, IReadOnlyList<string> Keyframes, string FilmDirectory, string Store, ClipEncoding Encoding, string? Resolution, string Ffmpeg, IReadOnlyList<BackendIdentity> Backends)
{
    /// <summary>Describes shot <paramref name="index"/> of <paramref name="film"/>, whose plan is stored as <paramref name="planKey"/>, as rendered by <paramref name="context"/>.</summary>
    public static ShotJob For(Film film, string planKey, int index, string filmDirectory, ShotContext context, RenderBackends backends)
    {
        ArgumentNullException.ThrowIfNull(film);
        ArgumentNullException.ThrowIfNull(context);
        var shot = film.Shots[index - 1];
        var takes = ShotTake.Of(shot, index, Recommended.MaxVersionsPerShot);
        var identities = BackendIdentities.Of(backends);
        return new(
            planKey,
            film.Title,
            index,
            shot.Name,
            takes.Select(t => t.Label).ToList(),
            takes.Select(t => KeyframeOutput.Of(context, identities, t).Key).ToList(),
            filmDirectory,
            context.Store.Root,
            context.Encoding,
            context.Resolution?.ToString(),
            context.Ffmpeg.Version,
            BackendIdentities.Of(backends).ToList());
    }

    /// <summary>"03-tired-mirror of Lumiere Serum": the shot in status and messages.</summary>
    public string Label => $"{Index:00}-{Shot} of {Title}";

    /// <summary>The shot's stage jobs in order: keyframe then animate for each take, then select.</summary>
    public IReadOnlyList<StageJob> Stages() =>
        Takes.SelectMany(take => new[] { new StageJob(this, ShotStage.Keyframe, take), new StageJob(this, ShotStage.Animate, take) })
            .Append(new StageJob(this, ShotStage.Select, null))
            .ToList();

    /// <summary>The forced frame size (<see cref="Resolution"/>), or null.</summary>
    public FrameSize? ForcedSize()
    {
        if (Resolution is null)
        {
            return null;
        }

        var parts = Resolution.Split('x');
        return new FrameSize(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The job as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FilmJson.Options);

    /// <summary>Reads a job written by <see cref="ToJson"/>.</summary>
    public static ShotJob FromJson(string json) => JsonSerializer.Deserialize<ShotJob>(json, FilmJson.Options) ?? throw new JsonException("The JSON holds no shot job.");
}

/// <summary>A worker cannot run a stage job the way its submitter would (other tools or models, a plan with errors); retrying elsewhere with the same setup fails the same way.</summary>
public sealed class ShotJobRefusedException(string message) : Exception(message);
