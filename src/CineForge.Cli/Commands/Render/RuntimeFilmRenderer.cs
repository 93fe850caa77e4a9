using System.Globalization;
using CineForge.Cli.Output;
using CineForge.Finishing;
using CineForge.Onnx;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Runtime;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Runtime.Locking;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// <c>cineforge render</c> on the library's one render call (<see cref="FilmProduction"/>): every shot
/// to its selected clip, then the finishing pass (edit, grade, sound, master and distribution exports,
/// report) into the same film folder and store, with live progress (or a line per finishing stage:
/// <c>--no-progress</c>, or output that is not a terminal); then prints each shot's verdict, what
/// changed since the lock, how much work the run did, and the finished files. <paramref name="producer"/> renders
/// (default here, <see cref="LocalFilmProducer"/>); with <paramref name="stagesRanOn"/> ("on the farm") it also prints what
/// the stage jobs did there: jobs run and found in the store per stage, and the workers.
/// </summary>
public sealed class RuntimeFilmRenderer(IFilmProducer? producer = null, string? stagesRanOn = null) : IFilmRenderer
{
    private readonly IFilmProducer producer = producer ?? new LocalFilmProducer();
    private readonly Dictionary<string, int> filmsPerScript = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        var output = console.Profile.Out.Writer;

        var options = new RenderOptions
        {
            OutputDirectory = request.OutputDirectory,
            ScriptPath = request.FilmPath,
            LockFile = request.Settings.LockFile is { } lockFile ? Path.GetFullPath(lockFile) : LockPathFor(request),
            Locked = request.Settings.Locked,
            FfmpegPath = request.Settings.Ffmpeg,
            Resolution = request.Settings.Resolution,
            Parallelism = request.Settings.Parallel,
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

        FilmOutcome production;
        RenderPosition? position = null;
        try
        {
            using (models)
            {
                production = await ConsoleRenderDisplay.RunAsync(console, !request.Settings.Global.NoProgress, display =>
                {
                    position = new RenderPosition(display);
                    return producer.RenderAsync(request.Film, options, models?.Backends, position, cancellationToken);
                }).ConfigureAwait(false);
            }
        }
        catch (LockFileException ex)
        {
            output.WriteLine($"cineforge: render --locked: {ex.Message}: render once without --locked and commit the lock file; nothing was rendered.");
            return ExitCodes.LockMismatch;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // By now every stage has unwound: ffmpeg killed, temporary files and staging folders removed, the lock released.
            output.WriteLine(producer.Interrupted(position?.Where ?? "before the first shot"));
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            output.WriteLine($"cineforge: render failed{(position?.Where is { } where ? " " + where : string.Empty)}: {Describe(ex, request)}");
            if (request.Settings.Global.Verbose)
            {
                output.WriteLine(ex.ToString());
            }

            return ExitCodes.RenderFailed;
        }

        var result = production.Shots;
        Print(result, output, stagesRanOn);
        if (result.Verification is { } verification && !PrintVerification(verification, output))
        {
            return ExitCodes.LockMismatch;
        }

        if (production.Finished is not { } finished)
        {
            return ExitCodes.RenderFailed;
        }

        PrintFinished(finished, output);
        return ExitCodes.Success;
    }

    // Every failure once the render has started is exit 4, named: the render's own failures say what and
    // where; an I/O failure is named by the output folder when the system's message has no path; anything
    // else is a bug in CineForge, still exit 4 because the render had started, with its type for the report.
    private static string Describe(Exception ex, RenderRequest request) => ex switch
    {
        RenderException => ex.Message,
        IOException or UnauthorizedAccessException => $"{ex.Message} (under {Path.Combine(request.OutputDirectory, FilmRenderer.FolderName(request.Film))})",
        _ => $"internal error {ex.GetType().Name}: {ex.Message} (a bug in cineforge: --verbose prints the stack trace)",
    };

    private static void PrintFinished(FinishingSummary finished, TextWriter output)
    {
        foreach (var stem in finished.Stems)
        {
            output.WriteLine($"{stem.Name}: {Number(stem.Integrated, "0.0")} LUFS (target {Number(stem.Target, "0.#")}){(stem.Passes ? string.Empty : $" warning {QaMetrics.StemLoudness.Id}: {Number(stem.Miss, "0.0")} LU off")}");
        }

        foreach (var cut in finished.Cuts)
        {
            output.WriteLine($"warning {RuleIds.CF0303}: the cut '{cut.From}' → '{cut.To}' changes {string.Join(", ", cut.Changes)}");
        }

        foreach (var file in finished.Exports)
        {
            output.WriteLine($"{file.Kind.ToString().ToLowerInvariant()}: {file.Path} ({file.Probe.VideoCodec}, {file.Probe.Width}x{file.Probe.Height}, {Number(file.Probe.Duration, "0.###")} s)");
        }

        output.WriteLine($"cineforge: report: {finished.ReportPath}");
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static void Print(FilmRenderResult result, TextWriter output, string? stagesRanOn)
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

        foreach (var step in result.Products.Where(p => !p.Passed))
        {
            output.WriteLine($"warning {QaMetrics.ProductAppearance.Id}: the product changes by {step.DeltaE.ToString("0.#", CultureInfo.InvariantCulture)} ΔE(76) between '{step.From}' and '{step.To}' (tolerance {QaMetrics.ProductAppearance.Limit.ToString("0.#", CultureInfo.InvariantCulture)}): show its product sheet ({QaMetrics.ProductAppearance.RuleId})");
        }

        // Locked, the verification says what differs from the lock (PrintVerification), and the lock was not written.
        if (result.LockChanges.Count > 0 && result.Verification is null)
        {
            output.WriteLine($"changed since {result.LockFile}:");
            foreach (var change in result.LockChanges)
            {
                output.WriteLine("  " + change);
            }
        }

        if (stagesRanOn is not null)
        {
            foreach (var line in StageSummary.Lines(result, stagesRanOn))
            {
                output.WriteLine(line);
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

    // render --locked: one line per artefact or setting that differs from the lock, then the count; true when nothing differs.
    private static bool PrintVerification(LockVerification verification, TextWriter output)
    {
        var lockName = Path.GetFileName(verification.LockFile);
        if (verification.Holds)
        {
            output.WriteLine($"cineforge: render --locked: everything rendered matches {lockName}; the lock was not rewritten.");
            return true;
        }

        foreach (var mismatch in verification.Mismatches)
        {
            output.WriteLine($"cineforge: render --locked: {mismatch}");
        }

        var count = verification.Mismatches.Count;
        output.WriteLine($"cineforge: {count} {(count == 1 ? "entry differs" : "entries differ")} from {lockName}; the lock was not rewritten.");
        return false;
    }

    // film.csx → film.lock.json next to it; a script declaring several films gets one lock per film.
    private string LockPathFor(RenderRequest request)
    {
        var count = filmsPerScript[request.FilmPath] = filmsPerScript.GetValueOrDefault(request.FilmPath) + 1;
        var stem = Path.Combine(Path.GetDirectoryName(request.FilmPath)!, Path.GetFileNameWithoutExtension(request.FilmPath));
        return count == 1 ? stem + ".lock.json" : $"{stem}.{FilmRenderer.FolderName(request.Film)}.lock.json";
    }
}
