using System.Globalization;
using CineForge.Onnx;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Runtime;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Runtime.Progress;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// <c>cineforge render</c> on the render runtime: renders every shot to its selected clip with live
/// progress (or none: <c>--no-progress</c>, or output that is not a terminal), then prints each
/// shot's verdict, what changed since the lock, and how much work the run did.
/// </summary>
public sealed class RuntimeFilmRenderer : IFilmRenderer
{
    private readonly Dictionary<string, int> filmsPerScript = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var output = console.Profile.Out.Writer;
        if (!TryParseSize(request.Settings.Resolution, out var size))
        {
            output.WriteLine($"cineforge: --resolution must be WxH with even numbers (1536x864); got '{request.Settings.Resolution}'.");
            return ExitCodes.RenderFailed;
        }

        var options = new RenderOptions
        {
            OutputDirectory = request.OutputDirectory,
            AssetRoot = Path.GetDirectoryName(request.FilmPath),
            LockFile = request.Settings.LockFile is { } lockFile ? Path.GetFullPath(lockFile) : LockPathFor(request),
            FfmpegPath = request.Settings.Ffmpeg,
            Resolution = size,
            Parallelism = Math.Max(1, request.Settings.Parallel),
        };

        // --models: the folder is checked before any session exists; a bad one stops the render before any work.
        OnnxRenderBackends? models = null;
        if (request.Settings.Models is { } modelDirectory)
        {
            try
            {
                models = OnnxRenderBackends.Open(modelDirectory, new OnnxBackendOptions(Notice: line => output.WriteLine("cineforge: " + line)));
            }
            catch (ModelFolderException ex)
            {
                output.WriteLine($"cineforge: --models: {ex.Message}");
                output.WriteLine("cineforge: render stopped; nothing was rendered. 'cineforge models check DIR' lists every problem.");
                return ExitCodes.RenderFailed;
            }

            output.WriteLine($"cineforge: keyframes from {models.Folder} on {models.Provider}");
        }

        FilmRenderResult result;
        try
        {
            using (models)
            {
                result = await ConsoleRenderDisplay.RunAsync(console, !request.Settings.NoProgress, progress => new FilmRenderer(models?.Backends).RenderAsync(request.Film, options, progress, cancellationToken)).ConfigureAwait(false);
            }
        }
        catch (RenderException ex)
        {
            output.WriteLine($"cineforge: render failed: {ex.Message}");
            return ExitCodes.RenderFailed;
        }

        Print(result, output);
        return result.AllSelected ? ExitCodes.Success : ExitCodes.RenderFailed;
    }

    private static void Print(FilmRenderResult result, TextWriter output)
    {
        foreach (var shot in result.Shots)
        {
            var clip = shot.SelectedTake is { } take ? Path.GetRelativePath(result.FilmDirectory, take.Clip).Replace('\\', '/') : "rejected";
            output.WriteLine($"{shot.Index:00} {shot.Name}: {clip} ({shot.Report})");
        }

        foreach (var step in result.Continuity.Where(c => !c.Passed))
        {
            output.WriteLine($"warning {QaMetrics.ColourCast.Id}: colour jumps {step.DeltaAb.ToString("0.#", CultureInfo.InvariantCulture)} ΔE(ab) from '{step.From}' to '{step.To}'");
        }

        if (result.LockChanges.Count > 0)
        {
            output.WriteLine($"changed since {result.LockFile}:");
            foreach (var change in result.LockChanges)
            {
                output.WriteLine("  " + change);
            }
        }

        var work = result.Work;
        output.WriteLine(work.IsNone
            ? $"cineforge: nothing to render: every clip is up to date in {result.FilmDirectory}"
            : $"cineforge: rendered {work.ClipsEncoded} clip(s), {work.FramesRendered} frames, {work.KeyframesDrawn} keyframe(s), {work.CorrectionsRun} correction pass(es) into {result.FilmDirectory}");
        var rejected = result.Shots.Count(s => s.Rejected);
        if (rejected > 0)
        {
            output.WriteLine($"cineforge: {rejected} shot(s) rejected after {Recommended.MaxCorrectionPasses} correction passes: fix the plan (seed, motion, prompt) and render again.");
        }
    }

    // film.csx → film.lock.json next to it; a script declaring several films gets one lock per film.
    private string LockPathFor(RenderRequest request)
    {
        var count = filmsPerScript[request.FilmPath] = filmsPerScript.GetValueOrDefault(request.FilmPath) + 1;
        var stem = Path.Combine(Path.GetDirectoryName(request.FilmPath)!, Path.GetFileNameWithoutExtension(request.FilmPath));
        return count == 1 ? stem + ".lock.json" : $"{stem}.{FilmRenderer.FolderName(request.Film)}.lock.json";
    }

    private static bool TryParseSize(string? text, out FrameSize? size)
    {
        size = null;
        if (text is null)
        {
            return true;
        }

        var parts = text.Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0 && w % 2 == 0 && h % 2 == 0)
        {
            size = new FrameSize(w, h);
            return true;
        }

        return false;
    }
}
