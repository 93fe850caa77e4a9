using CineForge.Runtime;

namespace CineForge.Finishing;

/// <summary>Turns what render part 1 produced (a selected take per shot) into the finishing pass's input.</summary>
public static class RenderedFilm
{
    /// <summary>
    /// The finishing request for <paramref name="film"/> rendered as <paramref name="render"/>: the
    /// selected take of every shot, the others as alternates, finished into the film's folder.
    /// </summary>
    /// <param name="film">The plan that was rendered.</param>
    /// <param name="render">Render part 1's result.</param>
    /// <param name="scriptPath">The film script (its folder is the asset root; it is archived next to the master).</param>
    /// <exception cref="FinishingException">A shot has no selected take (every take failed QA).</exception>
    public static FinishingRequest Request(Film film, FilmRenderResult render, string scriptPath)
    {
        var rejected = render.Shots.Where(s => s.Rejected).ToList();
        if (rejected.Count > 0)
        {
            throw new FinishingException($"Finishing needs a take of every shot; rejected by QA: {string.Join("; ", rejected.Select(s => $"shot #{s.Index} '{s.Name}': {s.Report}"))}.");
        }

        var script = Path.GetFullPath(scriptPath);
        return new FinishingRequest
        {
            Film = film,
            Selections = render.Shots.Select(s => new ShotSelection(s.Name, Take(s.SelectedTake!), s.Takes.Where(t => t.Label != s.Selected).Select(Take).ToList()) { Reason = s.Report }).ToList(),
            FilmDirectory = Path.GetDirectoryName(script)!,
            OutputDirectory = render.FilmDirectory,
            ScriptPath = script,
            LockFilePath = File.Exists(render.LockFile) ? render.LockFile : null,
            Backends = render.Backends,
        };
    }

    /// <summary>
    /// The finishing request for <paramref name="film"/> rendered as <paramref name="render"/> with
    /// <paramref name="options"/>: assets from <see cref="RenderOptions.AssetRootOrDefault"/>, the script
    /// (when named) archived, and the ffmpeg the shots were encoded with.
    /// </summary>
    /// <exception cref="FinishingException">A shot has no selected take (every take failed QA).</exception>
    public static FinishingRequest Request(Film film, FilmRenderResult render, RenderOptions options)
    {
        var request = options.ScriptPath is { } script
            ? Request(film, render, script)
            : Request(film, render, Path.Combine(options.AssetRootOrDefault, "film.csx")) with { ScriptPath = null };
        return request with
        {
            FilmDirectory = Path.GetFullPath(options.AssetRootOrDefault),
            Ffmpeg = render.Ffmpeg ?? Runtime.Media.FfmpegTool.Locate(options.FfmpegPath),
        };
    }

    private static TakeClip Take(TakeResult take) => new(take.Label, take.Clip, take.Qa.Scores.ToDictionary(s => s.Id, s => s.Value, StringComparer.Ordinal)) { Subject = take.Qa.Subject, Face = take.Qa.Face, Product = take.Qa.Product };
}
