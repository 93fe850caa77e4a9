using System.Globalization;
using System.Text.Json;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Media;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Stages;
using CineForge.Serialization;

namespace CineForge.Runtime.Dispatch;

/// <summary>
/// One shot of a render as plain data, so it can cross a process or machine boundary: the plan,
/// the shot, the folders, the settings that change pixels, and the tool and backend versions the
/// submitter resolved. A worker turns it back into the same <see cref="ShotRenderer"/> call
/// (<see cref="RunAsync"/>); a worker whose tools differ refuses it instead of rendering other bytes.
/// </summary>
/// <param name="Film">The film's plan as <see cref="FilmJson"/>.</param>
/// <param name="Title">The film's title (for status and messages).</param>
/// <param name="Index">1-based shot index.</param>
/// <param name="Shot">The shot's name.</param>
/// <param name="FilmDirectory">The film's output folder (shared by every worker).</param>
/// <param name="Store">The artefact store's folder (shared by every worker).</param>
/// <param name="Encoding">Clip encoder settings.</param>
/// <param name="Resolution">Forced frame size ("WxH"), or null.</param>
/// <param name="Ffmpeg">The ffmpeg version the submitter resolved.</param>
/// <param name="Backends">The backends the submitter resolved: keyframes, refiner, animator.</param>
public sealed record ShotJob(string Film, string Title, int Index, string Shot, string FilmDirectory, string Store, ClipEncoding Encoding, string? Resolution, string Ffmpeg, IReadOnlyList<BackendIdentity> Backends)
{
    /// <summary>Describes shot <paramref name="index"/> of <paramref name="film"/> as rendered by <paramref name="context"/>.</summary>
    public static ShotJob For(Film film, string filmJson, int index, string filmDirectory, ShotContext context, RenderBackends backends) => new(
        filmJson,
        film.Title,
        index,
        film.Shots[index - 1].Name,
        filmDirectory,
        context.Store.Root,
        context.Encoding,
        context.Resolution?.ToString(),
        context.Ffmpeg.Version,
        IdentitiesOf(backends));

    /// <summary>The job as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FilmJson.Options);

    /// <summary>Reads a job written by <see cref="ToJson"/>.</summary>
    public static ShotJob FromJson(string json) => JsonSerializer.Deserialize<ShotJob>(json, FilmJson.Options) ?? throw new JsonException("The JSON holds no shot job.");

    /// <summary>Renders the shot with <paramref name="backends"/> and this machine's <paramref name="ffmpeg"/>.</summary>
    /// <exception cref="ShotJobRefusedException">The plan has errors, or this machine's ffmpeg or backends differ from the submitter's: rendering would give other bytes.</exception>
    public Task<ShotResult> RunAsync(RenderBackends backends, FfmpegTool ffmpeg, IProgress<RenderEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(ffmpeg);
        if (ffmpeg.Version != Ffmpeg)
        {
            throw new ShotJobRefusedException($"Shot #{Index} '{Shot}' of '{Title}' needs ffmpeg {Ffmpeg}; this machine has {ffmpeg.Version}.");
        }

        var local = IdentitiesOf(backends);
        for (var i = 0; i < Backends.Count; i++)
        {
            if (i >= local.Count || !Same(local[i], Backends[i]))
            {
                throw new ShotJobRefusedException($"Shot #{Index} '{Shot}' of '{Title}' needs backend {Backends[i]} with models [{string.Join(", ", Backends[i].ModelHashes)}]; this machine has {(i < local.Count ? local[i] + " [" + string.Join(", ", local[i].ModelHashes) + "]" : "none")}.");
            }
        }

        var film = FilmJson.Deserialize(Film);
        try
        {
            Preflight.CheckPlan(film);
        }
        catch (RenderException ex)
        {
            throw new ShotJobRefusedException(ex.Message);
        }

        var context = new ShotContext(film, new ArtefactStore(Store), ffmpeg, Encoding, ParseSize(Resolution), new WorkCounter(), progress);
        return new ShotRenderer(backends).RenderAsync(context, Index, FilmDirectory, cancellationToken);
    }

    private static List<BackendIdentity> IdentitiesOf(RenderBackends backends) => [backends.Keyframes.Identity, backends.Refiner.Identity, backends.Animator.Identity];

    private static bool Same(BackendIdentity a, BackendIdentity b) => a.Id == b.Id && a.Version == b.Version && a.ModelHashes.SequenceEqual(b.ModelHashes);

    private static FrameSize? ParseSize(string? size)
    {
        if (size is null)
        {
            return null;
        }

        var parts = size.Split('x');
        return new FrameSize(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}

/// <summary>A worker cannot render a shot job the same way its submitter would (other tools or models); retrying elsewhere with the same setup fails the same way.</summary>
public sealed class ShotJobRefusedException(string message) : Exception(message);
