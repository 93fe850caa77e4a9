using CineForge.Finishing.Grade;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Runtime.Media;
using CineForge.Validation;

namespace CineForge.Finishing.Assets;

/// <summary>
/// The asset files a film names, opened and probed before any work (<see cref="RuleScope.Assets"/>):
/// each LUT parses as a 3D .cube (CF0607); each sound exists, is readable, holds audio that FFmpeg
/// decodes, and is long enough for its placement (CF0705). <c>cineforge check</c> reports the findings
/// at the line that names the file; the render refuses to start on any of them.
/// </summary>
public static class AssetCheck
{
    /// <summary>Every problem with <paramref name="film"/>'s assets, resolved against <paramref name="filmDirectory"/>; empty when all are usable.</summary>
    /// <param name="film">The film.</param>
    /// <param name="filmDirectory">The folder the film's asset paths are relative to.</param>
    /// <param name="ffmpeg">Probes the sounds; without one (none installed), sounds are checked as files only: the render then stops on the missing FFmpeg itself.</param>
    /// <param name="cancellationToken">Stops the probes.</param>
    public static IReadOnlyList<PlanDiagnostic> Check(Film film, string filmDirectory, FfmpegTool? ffmpeg, CancellationToken cancellationToken = default)
        => Findings(film, FilmAssets.Of(film), In(filmDirectory), ffmpeg, cancellationToken).Select(f => f.Diagnostic).ToList();

    /// <summary>Fails with every asset problem of <paramref name="film"/>, each with its rule and file, before any work.</summary>
    /// <exception cref="FinishingException">An asset is unusable; <see cref="FinishingException.RuleId"/> is the first problem's rule.</exception>
    public static void Require(Film film, string filmDirectory, FfmpegTool ffmpeg, CancellationToken cancellationToken = default)
        => Throw(film, Findings(film, FilmAssets.Of(film), In(filmDirectory), ffmpeg, cancellationToken), In(filmDirectory));

    /// <summary>Fails with every problem of <paramref name="film"/>'s sound files (CF0705), for a sound stage run on its own.</summary>
    /// <exception cref="FinishingException">A sound is unusable.</exception>
    public static void RequireSounds(Film film, Func<string, string> resolve, FfmpegTool ffmpeg, CancellationToken cancellationToken = default)
        => Throw(film, Findings(film, FilmAssets.Of(film).Where(a => a.Kind != AssetKind.Lut), resolve, ffmpeg, cancellationToken), resolve);

    private static Func<string, string> In(string filmDirectory) => path => Path.GetFullPath(Path.Combine(filmDirectory, path));

    private static void Throw(Film film, IReadOnlyList<(FilmAsset Asset, PlanDiagnostic Diagnostic)> problems, Func<string, string> resolve)
    {
        if (problems.Count > 0)
        {
            throw new FinishingException(
                $"'{film.Title}' names unusable assets; nothing was rendered:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems.Select(p => p.Diagnostic))}",
                problems[0].Diagnostic.RuleId,
                resolve(problems[0].Asset.Path));
        }
    }

    private static List<(FilmAsset Asset, PlanDiagnostic Diagnostic)> Findings(Film film, IEnumerable<FilmAsset> assets, Func<string, string> resolve, FfmpegTool? ffmpeg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(film);
        var subject = $"Film '{film.Title}'";
        var found = new List<(FilmAsset, PlanDiagnostic)>();
        foreach (var asset in assets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (asset.Kind == AssetKind.Lut)
            {
                if (LutProblem(resolve(asset.Path)) is { } problem)
                {
                    found.Add((asset, PlanDiagnostic.Create(RuleIds.CF0607, null, null, subject, asset.Path, problem) with { AssetPath = asset.Named }));
                }

                continue;
            }

            // A looped sound must hold one loop's length; an effect, one loudness block.
            var shortest = asset.Kind == AssetKind.Effect ? Loudness.ShortestMeasurable : Loudness.ShortestLoop;
            if (SoundProblem(ffmpeg, resolve(asset.Path), shortest, cancellationToken) is { } soundProblem)
            {
                found.Add((asset, PlanDiagnostic.Create(RuleIds.CF0705, null, null, subject, asset.Kind.ToString().ToLowerInvariant(), asset.Path, soundProblem) with { AssetPath = asset.Named }));
            }
        }

        return found;
    }

    private static string? LutProblem(string path)
    {
        if (FileProblem(path) is { } problem)
        {
            return problem;
        }

        try
        {
            CubeLut.Load(path);
            return null;
        }
        catch (FinishingException ex)
        {
            return "is not a valid 3D .cube LUT (" + ex.Message + ")";
        }
    }

    private static string? SoundProblem(FfmpegTool? ffmpeg, string path, double shortest, CancellationToken cancellationToken)
    {
        if (FileProblem(path) is { } problem)
        {
            return problem;
        }

        if (ffmpeg is null)
        {
            return null;
        }

        MediaInfo info;
        try
        {
            info = ffmpeg.Probe(path, cancellationToken);
        }
        catch (RenderException ex)
        {
            return "FFmpeg cannot read as audio (" + ex.Message + ")";
        }

        if (info.AudioCodec is null)
        {
            return "holds no audio stream";
        }

        if (info.Duration < shortest)
        {
            return $"lasts {NumericRange.Format(Math.Round(info.Duration, 4))} s, under the {NumericRange.Format(shortest)} s it needs";
        }

        return null;
    }

    private static string? FileProblem(string path)
    {
        if (!File.Exists(path))
        {
            return Directory.Exists(path) ? $"is a folder ({path})" : $"does not exist (looked at {path})";
        }

        try
        {
            using var stream = File.OpenRead(path);
            return stream.Length == 0 ? "is empty" : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read ({ex.Message})";
        }
    }
}
