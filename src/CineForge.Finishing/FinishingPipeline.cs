using System.Text.Json;
using System.Text.Json.Nodes;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Export;
using CineForge.Finishing.Grade;
using CineForge.Finishing.Media;
using CineForge.Finishing.Report;
using CineForge.Finishing.Sound;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Progress;

namespace CineForge.Finishing;

/// <summary>The finished film: every stage's result and where the report is.</summary>
/// <param name="Edit">The edit.</param>
/// <param name="Grade">The grade.</param>
/// <param name="Sound">The sound.</param>
/// <param name="Exports">The exports.</param>
/// <param name="Qa">Every QA measurement.</param>
/// <param name="ReportPath">The report's index.html.</param>
public sealed record FinishingResult(EditResult Edit, GradeResult Grade, SoundResult Sound, ExportResult Exports, IReadOnlyList<QaResult> Qa, string ReportPath);

/// <summary>
/// The finishing half of the render, after selection: edit → grade → sound → exports → report. Work
/// files are content-addressed in <c>.work/finishing</c> under the output folder, so a rerun redoes only
/// what changed, and a stage that fails leaves the earlier stages' work in place.
/// </summary>
public sealed class FinishingPipeline
{
    private readonly StageCache? cache;

    /// <summary>A pipeline whose work files go to <paramref name="cache"/>, or under the output folder when null.</summary>
    public FinishingPipeline(StageCache? cache = null) => this.cache = cache;

    /// <summary>Where the exports go under <paramref name="outputDirectory"/>.</summary>
    public static string ExportsFolder(string outputDirectory) => Path.Combine(outputDirectory, "exports");

    /// <summary>Where the report goes under <paramref name="outputDirectory"/>.</summary>
    public static string ReportFolder(string outputDirectory) => Path.Combine(outputDirectory, "report");

    /// <summary>Finishes <paramref name="request"/>'s film; <paramref name="progress"/> hears each stage as it starts (<see cref="RenderEvent.Finishing"/>).</summary>
    /// <exception cref="FinishingException">Bad input; the message names the file or rule.</exception>
    /// <exception cref="CineForge.Runtime.RenderException">A failed FFmpeg run.</exception>
    public FinishingResult Run(FinishingRequest request, IProgress<RenderEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var exportsFolder = new ExportFolder(ExportsFolder(request.OutputDirectory));

        // Refuse a foreign exports folder before hours of work, not after.
        exportsFolder.EnsureReplaceable();
        var archive = new List<(string, string)>();
        foreach (var (path, what) in new[] { (request.ScriptPath, "film script"), (request.LockFilePath, "lock file") })
        {
            if (path is null)
            {
                continue;
            }

            if (!File.Exists(path))
            {
                throw new FinishingException($"Archive: the {what} '{path}' does not exist.", path: path);
            }

            archive.Add((path, Path.GetFileName(path)));
        }

        var work = cache ?? new StageCache(Path.Combine(request.OutputDirectory, ".work", "finishing"));
        var (edit, grade, sound) = EditGradeAndSound(request, work, progress, cancellationToken);

        var settings = SettingsLog(request, edit, grade, sound, null);
        var settingsFile = work.GetOrCreate("settings", ArtefactKey.For("settings").Add("log", settings).Hash(), ".json", path => File.WriteAllText(path, settings));
        archive.Add((settingsFile, "settings.json"));
        progress?.Report(RenderEvent.Finishing(RenderStage.Export));
        var exports = new ExportStage().Run(request.Ffmpeg, request.Film, edit, grade, sound.MixPath, exportsFolder, archive, work, progress, cancellationToken);
        grade = grade with { After = exports.GradedStatistics, Stills = exports.GradedStills };

        progress?.Report(RenderEvent.Finishing(RenderStage.Report));
        var qa = Qa(request, edit, grade, sound, exports);
        var report = new ReportStage().Run(new ReportData
        {
            Film = request.Film,
            Ffmpeg = request.Ffmpeg,
            Edit = edit,
            Grade = grade,
            Sound = sound,
            Exports = exports,
            Qa = qa,
            Checklist = MeasuredChecklist.Of(request.Film, qa),
            SettingsLog = SettingsLog(request, edit, grade, sound, exports),
        }, ReportFolder(request.OutputDirectory));
        return new FinishingResult(edit, grade, sound, exports, qa, report);
    }

    // The settings log is read by people: "+", "→" and accented titles as they are, not \u escapes
    // (the report HTML-escapes it where it shows it).
    private static readonly JsonSerializerOptions SettingsLogJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The sound needs only the cut's length, which the plan fixes, so it is built beside the edit and
    // the grade (mostly single-threaded FFmpeg runs each) instead of after them. The failures keep the
    // stages' order: an edit or grade failure stops the sound and is the one thrown.
    private static (EditResult Edit, GradeResult Grade, SoundResult Sound) EditGradeAndSound(FinishingRequest request, StageCache work, IProgress<RenderEvent>? progress, CancellationToken cancellationToken)
    {
        var duration = Timeline.Plan(request.Film, request.Selections, default).Duration;
        using var stopSound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sound = Task.Run(() => new SoundStage().Run(request, duration, work, stopSound.Token), CancellationToken.None);
        try
        {
            progress?.Report(RenderEvent.Finishing(RenderStage.Edit));
            var edit = new EditStage().Run(request, work, cancellationToken);
            progress?.Report(RenderEvent.Finishing(RenderStage.Grade));
            var grade = new GradeStage().Run(request, edit, work, cancellationToken);

            // From here the sound stage's row is what is left of it after the edit and the grade.
            progress?.Report(RenderEvent.Finishing(RenderStage.Sound));
            return (edit, grade, sound.GetAwaiter().GetResult());
        }
        catch when (!sound.IsCompleted)
        {
            stopSound.Cancel();
            try
            {
                sound.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The sound stopped because the edit or the grade failed: that failure is the one thrown.
            }

            throw;
        }
    }

    /// <summary>
    /// QA10 across each character's shots where a face recognizer measured them: the largest distance
    /// between two shots' mean faces. (Previz takes carry no recognized face: each of their shots is
    /// already held to the character sheet.)
    /// </summary>
    internal static IEnumerable<QaResult> FaceAcrossShots(Timeline timeline) =>
        timeline.Entries
            .Where(e => e.Shot.Characters.Count > 0 && e.Selection.Selected.Face is not null)
            .GroupBy(e => e.Shot.Characters[0].Name, StringComparer.Ordinal)
            .Select(g => (Character: g.Key, Across: CineForge.Runtime.Stages.Select.Qa.FaceEmbeddings.Across(g.Select(e => (IReadOnlyList<float[]>)[e.Selection.Selected.Face!.ToArray()]).ToList())))
            .Where(c => c.Across is not null)
            .Select(c => new QaResult(QaMetrics.FaceIdentity, c.Character + " across shots", Math.Round(c.Across!.Value, 4), "finishing"));

    /// <summary>Every QA value: the takes' (from selection) and the finishing pass's own measurements.</summary>
    internal static IReadOnlyList<QaResult> Qa(FinishingRequest request, EditResult edit, GradeResult grade, SoundResult sound, ExportResult exports)
    {
        var results = new List<QaResult>();

        // The graded cast is judged against the palette and the look's lean on mid-grey: a warm look is the grade's intent.
        var palette = CineForge.Runtime.Stages.Select.Qa.PaletteIntent.Of(request.Film);
        if (grade.Plan.Look is { } look)
        {
            var grey = new CineForge.Runtime.Imaging.Rgb(0.5, 0.5, 0.5);
            var through = look.Lut.Apply(grey);
            palette = palette.And(new(grey.R + (look.Strength * (through.R - grey.R)), grey.G + (look.Strength * (through.G - grey.G)), grey.B + (look.Strength * (through.B - grey.B))));
        }

        for (var i = 0; i < edit.Timeline.Entries.Count; i++)
        {
            var entry = edit.Timeline.Entries[i];
            foreach (var (id, value) in entry.Selection.Selected.Qa.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                if (QaMetrics.All.FirstOrDefault(m => m.Id == id) is { } metric && id != RuleIds.QA03)
                {
                    results.Add(new QaResult(metric, entry.Shot.Name, value, "selection"));
                }
            }

            results.Add(new QaResult(QaMetrics.ColourCast, entry.Shot.Name + " (graded cast)", palette.Cast(grade.After[i].MeanLab.A, grade.After[i].MeanLab.B), "finishing"));
        }

        results.AddRange(FaceAcrossShots(edit.Timeline));
        for (var i = 1; i < grade.After.Count; i++)
        {
            var cut = edit.Timeline.Entries[i - 1].Shot.Name + " → " + edit.Timeline.Entries[i].Shot.Name;
            results.Add(new QaResult(QaMetrics.ColourCast, cut + " (continuity)", grade.After[i - 1].MeanLab.DistanceAb(grade.After[i].MeanLab), "finishing"));
        }

        var products = CineForge.Runtime.Stages.Select.Qa.ProductContinuity.Pairs(edit.Timeline.Entries.Select(e => (e.Shot.Name, e.Selection.Selected.Product)).ToList());
        results.AddRange(products.Select(p => new QaResult(QaMetrics.ProductAppearance, p.From + " ↔ " + p.To + " (product)", p.DeltaE, "selection")));
        results.AddRange(sound.Stems.Select(s => new QaResult(QaMetrics.StemLoudness, s.Name, s.Miss, "finishing")));
        if (exports.MobileContrast is { } contrast)
        {
            results.Add(new QaResult(QaMetrics.MobileContrast, "mobile export", contrast, "finishing"));
        }

        if (exports.MobileCrop is { } crop)
        {
            results.AddRange(crop.SubjectQa());
        }

        return results;
    }

    private static string SettingsLog(FinishingRequest request, EditResult edit, GradeResult grade, SoundResult sound, ExportResult? exports)
    {
        var fps = edit.Timeline.Fps;
        var log = new JsonObject
        {
            ["tools"] = new JsonObject
            {
                ["ffmpeg"] = request.Ffmpeg.Version,
                ["keyframes"] = request.Backends.Count > 0 ? request.Backends[0].ToString() : null,
                ["refiner"] = request.Backends.Count > 1 ? request.Backends[1].ToString() : null,
                ["animator"] = request.Backends.Count > 2 ? request.Backends[2].ToString() : null,
            },
            ["edit"] = new JsonObject
            {
                ["size"] = edit.Timeline.Size.ToString(),
                ["fps"] = fps,
                ["frames"] = edit.Timeline.TotalFrames,
                ["seconds"] = Math.Round(edit.Timeline.Duration, 4),
                ["shots"] = new JsonArray(edit.Timeline.Entries.Select(e => (JsonNode)new JsonObject
                {
                    ["shot"] = e.Shot.Name,
                    ["take"] = e.Selection.Selected.Variant,
                    ["clip"] = Path.GetFileName(e.Selection.Selected.Path),
                    ["startFrame"] = e.StartFrame,
                    ["frames"] = e.Frames,
                }).ToArray()),
                ["cuts"] = new JsonArray(edit.Cuts.Select(c => (JsonNode)new JsonObject
                {
                    ["cut"] = c.From + " -> " + c.To,
                    ["planned"] = new JsonArray(c.Planned.Select(p => (JsonNode)p).ToArray()),
                    ["measured"] = new JsonArray(c.Measured.Select(p => (JsonNode)p).ToArray()),
                    ["violates"] = c.Violates,
                }).ToArray()),
                ["notes"] = new JsonArray(edit.Timeline.Notes.Select(n => (JsonNode)n).ToArray()),
            },
            ["grade"] = new JsonObject
            {
                ["steps"] = new JsonArray(grade.Plan.Describe().Select(s => (JsonNode)s).ToArray()),
                ["lut"] = grade.Plan.Look is { } look ? Path.GetFileName(look.Lut.Path) + " (" + look.Lut.Size + "³)" : null,
                ["harmonization"] = grade.Harmonization is { } h ? new JsonObject
                {
                    ["reference"] = edit.Timeline.Entries[h.Reference].Shot.Name,
                    ["gains"] = new JsonArray(h.Gains.Select(g => (JsonNode)$"{g.R:0.0000} {g.G:0.0000} {g.B:0.0000}").ToArray()),
                } : null,
                ["warnings"] = new JsonArray(grade.Plan.Warnings.Select(w => (JsonNode)w.ToString()).ToArray()),
            },
            ["sound"] = new JsonObject
            {
                ["stems"] = new JsonArray(sound.Stems.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["source"] = s.Source is null ? "generated room tone" : Path.GetFileName(s.Source),
                    ["targetLufs"] = s.Target,
                    ["rawLufs"] = s.Raw,
                    ["gainDb"] = Math.Round(s.Gain, 3),
                    ["measuredLufs"] = s.Measured.Integrated,
                    ["truePeakDbtp"] = double.IsFinite(s.Measured.TruePeak) ? s.Measured.TruePeak : null,
                    ["truePeakLimited"] = s.TruePeakLimited,
                    ["qa05"] = s.Passes ? "pass" : "fail",
                }).ToArray()),
                ["mixLufs"] = sound.Mix.Integrated,
                ["mixTruePeakDbtp"] = double.IsFinite(sound.Mix.TruePeak) ? sound.Mix.TruePeak : null,
                ["notes"] = new JsonArray(sound.Notes.Select(n => (JsonNode)n).ToArray()),
            },
        };
        if (exports is not null)
        {
            log["exports"] = new JsonObject
            {
                ["files"] = new JsonArray(exports.Files.Select(f => (JsonNode)new JsonObject
                {
                    ["kind"] = f.Kind.ToString(),
                    ["file"] = Path.GetRelativePath(exports.Folder, f.Path),
                    ["codec"] = f.Probe.VideoCodec,
                    ["pixelFormat"] = f.Probe.PixelFormat,
                    ["size"] = f.Probe.Width + "x" + f.Probe.Height,
                    ["seconds"] = Math.Round(f.Probe.Duration, 4),
                    ["highlightCeiling"] = f.HighlightCeiling,
                }).ToArray()),
                ["mobileCrop"] = exports.MobileCrop is { } crop ? new JsonArray(crop.Windows.Select(w => (JsonNode)crop.Describe(w)).ToArray()) : null,
                ["codecs"] = new JsonArray(exports.Codecs.Select(c => (JsonNode)c).ToArray()),
            };
        }

        log["plan"] = JsonNode.Parse(request.Film.ToJson());
        return log.ToJsonString(SettingsLogJson) + "\n";
    }
}
