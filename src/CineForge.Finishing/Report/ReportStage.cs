using System.Globalization;
using System.Text;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Export;
using CineForge.Finishing.Grade;
using CineForge.Finishing.Media;
using CineForge.Finishing.Sound;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;
using CineForge.Validation;
using static CineForge.Finishing.Report.Svg;

namespace CineForge.Finishing.Report;

/// <summary>Everything the report shows.</summary>
public sealed record ReportData
{
    /// <summary>The plan.</summary>
    public required Film Film { get; init; }

    /// <summary>The render's ffmpeg: the stills and crops, and the version the page names.</summary>
    public FfmpegTool Ffmpeg
    {
        get => ffmpeg ?? FfmpegTool.Default;
        init => ffmpeg = value;
    }

    private readonly FfmpegTool? ffmpeg;

    /// <summary>The edit.</summary>
    public required EditResult Edit { get; init; }

    /// <summary>The grade.</summary>
    public required GradeResult Grade { get; init; }

    /// <summary>The sound.</summary>
    public required SoundResult Sound { get; init; }

    /// <summary>The exports.</summary>
    public required ExportResult Exports { get; init; }

    /// <summary>Every QA measurement.</summary>
    public required IReadOnlyList<QaResult> Qa { get; init; }

    /// <summary>The publication checklist, filled in.</summary>
    public required IReadOnlyList<ChecklistEntry> Checklist { get; init; }

    /// <summary>The settings log (JSON).</summary>
    public required string SettingsLog { get; init; }
}

/// <summary>
/// Writes <c>report/index.html</c>: a static page (no server, no external resource) with the contact
/// sheet, 200% crops of edges and subject, the QA table with the rule behind each check, a loudness
/// plot per stem, the colour-continuity chart, the timeline, the settings log and the publication checklist.
/// </summary>
public sealed class ReportStage
{
    /// <summary>Writes the report for <paramref name="data"/> into <paramref name="folder"/>, replacing an earlier one only when complete.</summary>
    /// <returns>The path of <c>index.html</c>.</returns>
    public string Run(ReportData data, string folder)
    {
        folder = Path.GetFullPath(folder);
        var staging = AtomicFolder.CreateStaging(folder);
        var images = Path.Combine(staging, "img");
        Directory.CreateDirectory(images);
        try
        {
            var timeline = data.Edit.Timeline;
            var pictures = new List<Action<CancellationToken>>();
            for (var i = 0; i < timeline.Entries.Count; i++)
            {
                var (entry, shot) = (timeline.Entries[i], i);
                var stem = $"{i:00}-{entry.Shot.Name}";
                foreach (var take in Takes(entry.Selection))
                {
                    pictures.Add(_ => ReportImages.Still(data.Ffmpeg, take.Path, entry.Duration(timeline.Fps), Path.Combine(images, $"{stem}-{take.Variant}.jpg")));
                }

                pictures.Add(_ => ReportImages.Crops(data.Ffmpeg, data.Grade.Stills[shot], timeline, SubjectAtMiddle(data, shot), images, stem));
                if (data.Exports.MobileCrop is { } crop)
                {
                    pictures.Add(_ => ReportImages.Frames(data.Ffmpeg, data.Grade.Stills[shot], crop.Windows[shot].XAt(entry.Frames / 2), crop.CropWidth, images, stem));
                }
            }

            // Each picture is its own short FFmpeg run: one per core at a time.
            Concurrent.Run(pictures);

            File.WriteAllText(Path.Combine(staging, "settings.json"), data.SettingsLog);
            File.WriteAllText(Path.Combine(staging, "index.html"), Html(data));
            AtomicFolder.Publish(staging, folder);
            return Path.Combine(folder, "index.html");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    // Where the subject is in the still (the shot's middle frame): its box when the render knows it,
    // else the middle of the mobile window, else the detail's centroid.
    private static (double X, double Y) SubjectAtMiddle(ReportData data, int i)
    {
        var size = data.Edit.Timeline.Size;
        var frames = data.Edit.Timeline.Entries[i].Frames;
        if (data.Exports.MobileCrop is { } crop)
        {
            var window = crop.Windows[i];
            return window.Subject is { } boxes
                ? ((boxes[frames / 2].Left + boxes[frames / 2].Right) / 2, (boxes[frames / 2].Top + boxes[frames / 2].Bottom) / 2)
                : (window.XAt(frames / 2) + (crop.CropWidth / 2.0), size.Height / 2.0);
        }

        if (data.Edit.Timeline.Entries[i].Selection.Selected.Subject is { Boxes.Count: > 0 } track)
        {
            var box = track.FittedTo(size.Width, size.Height).At(frames / 2);
            return ((box.Left + box.Right) / 2, (box.Top + box.Bottom) / 2);
        }

        return (data.Edit.Statistics[i].SubjectX * size.Width, size.Height / 2.0);
    }

    private static IEnumerable<TakeClip> Takes(ShotSelection selection) => new[] { selection.Selected }.Concat(selection.Alternates);

    internal static string Html(ReportData data)
    {
        var film = data.Film;
        var timeline = data.Edit.Timeline;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(film.Title)} — CineForge report</title><style>{Css}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<header><h1>{E(film.Title)}</h1><p>{E(film.Logline ?? string.Empty)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{timeline.Entries.Count} shots · {N(timeline.Duration)} s · {timeline.Size} · {timeline.Fps} fps · ffmpeg {E(data.Ffmpeg.Version)}</p></header>")
            .Append("<nav><a href=\"#checklist\">Checklist</a><a href=\"#timeline\">Timeline</a><a href=\"#contact\">Contact sheet</a><a href=\"#mobile\">16:9 and 9:16</a><a href=\"#crops\">200% crops</a><a href=\"#qa\">QA</a><a href=\"#loudness\">Loudness</a><a href=\"#colour\">Colour continuity</a><a href=\"#exports\">Exports</a><a href=\"#settings\">Settings log</a></nav><main>");

        Checklist(html, data);
        Timeline(html, data);
        ContactSheet(html, data);
        MobileFrames(html, data);
        Crops(html, data);
        Qa(html, data);
        Loudness(html, data);
        ColourContinuity(html, data);
        Exports(html, data);
        html.Append("<section id=\"settings\"><h2>Settings log</h2><p>Everything that made this film: the plan, tool versions and each stage's settings and measurements (also in <a href=\"settings.json\">settings.json</a>).</p>")
            .Append(CultureInfo.InvariantCulture, $"<pre>{E(data.SettingsLog)}</pre></section>");
        html.Append("</main>").Append(Script).Append("</body></html>");
        return html.ToString();
    }

    private static void Checklist(StringBuilder html, ReportData data)
    {
        html.Append("<section id=\"checklist\"><h2>Publication checklist</h2><table><thead><tr><th>Item</th><th>State</th><th>Decided by</th><th>Why</th></tr></thead><tbody>");
        foreach (var entry in data.Checklist)
        {
            var item = PublicationChecklist.Items.First(i => i.Key == entry.Key);
            var (label, css) = entry.State switch
            {
                ChecklistState.Met => ("met", "pass"),
                ChecklistState.Failed => ("not met", "fail"),
                ChecklistState.NotApplicable => ("not applicable", "na"),
                _ => ("not measured", "na"),
            };
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(entry.Text)}</td><td class=\"{css}\">{label}</td><td>{E(string.Join(", ", item.DecidedBy))}</td><td>{E(string.Join(", ", entry.Because))}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void Timeline(StringBuilder html, ReportData data)
    {
        var timeline = data.Edit.Timeline;
        html.Append("<section id=\"timeline\"><h2>Timeline</h2><div class=\"timeline\">");
        foreach (var entry in timeline.Entries)
        {
            var beat = entry.Shot.Mission?.Beat.ToString() ?? "—";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"clip beat-{E(beat.ToLowerInvariant())}\" style=\"flex:{N(entry.Frames)}\" title=\"{E(entry.Shot.Name)}\"><b>{E(entry.Shot.Name)}</b><span>{E(beat)} · {N(entry.Duration(timeline.Fps))} s</span></div>");
        }

        html.Append("</div><div class=\"track\">");
        foreach (var effect in data.Film.Sound.Effects)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"marker\" style=\"left:{N(100 * effect.At / Math.Max(1e-9, timeline.Duration))}%\" title=\"{E(effect.Path)} at {N(effect.At)} s\">▲ {E(Path.GetFileNameWithoutExtension(effect.Path))}</span>");
        }

        html.Append("</div><table><thead><tr><th>#</th><th>Shot</th><th>Mission</th><th>Start</th><th>Duration</th><th>Frames</th><th>Take</th></tr></thead><tbody>");
        foreach (var (entry, i) in timeline.Entries.Select((e, i) => (e, i)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{E(entry.Shot.Name)}</td><td>{E(entry.Shot.Mission?.ToString() ?? "—")}</td><td>{N(entry.Start(timeline.Fps))} s</td><td>{N(entry.Duration(timeline.Fps))} s</td><td>{entry.Frames}</td><td>{E(entry.Selection.Selected.Variant)}</td></tr>");
        }

        html.Append("</tbody></table><h3>Transition rule at each cut</h3><table><thead><tr><th>Cut</th><th>Plan changes</th><th>Measured changes</th><th>Result</th></tr></thead><tbody>");
        foreach (var cut in data.Edit.Cuts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(cut.From)} → {E(cut.To)}</td><td>{E(List(cut.Planned))}</td><td>{E(List(cut.Measured))}</td><td class=\"{(cut.Violates ? "fail" : "pass")}\">{(cut.Violates ? RuleIds.CF0303 + ": " + cut.Changes.Count + " changes" : "ok")}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</tbody></table><p class=\"note\">At most {Continuity.MaxChangesPerCut} of {E(string.Join(", ", Continuity.Dimensions))} may change at a cut. The gaze axis comes from the plan only (measuring it needs a face model).</p>");
        foreach (var note in timeline.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>");
        }

        html.Append("</section>");
    }

    private static void ContactSheet(StringBuilder html, ReportData data)
    {
        var timeline = data.Edit.Timeline;
        html.Append("<section id=\"contact\"><h2>Contact sheet</h2>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Between two takes, selection counts the checks one fails and the other passes, then compares {E(string.Join(", ", QaMetrics.SelectionOrder.Select(m => m.Id + " " + m.Short)))} in that order; the first measure whose difference is larger than its noise (measured on re-renders) decides, and a shot where none is says \"tie, A kept\".</p>")
            .Append("<div class=\"sheet\">");
        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            var entry = timeline.Entries[i];
            foreach (var take in Takes(entry.Selection))
            {
                var selected = ReferenceEquals(take, entry.Selection.Selected);
                var scores = string.Join(" · ", take.Qa.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key} {N(q.Value)}"));
                html.Append(CultureInfo.InvariantCulture, $"<figure class=\"{(selected ? "selected" : "alternate")}\"><img src=\"img/{i:00}-{E(entry.Shot.Name)}-{E(take.Variant)}.jpg\" alt=\"{E(entry.Shot.Name)} take {E(take.Variant)}\">")
                    .Append(CultureInfo.InvariantCulture, $"<figcaption><b>{E(entry.Shot.Name)}</b> take {E(take.Variant)}{(selected ? " (selected)" : string.Empty)}<br><small>{E(scores)}</small>")
                    .Append(selected && entry.Selection.Reason is { } reason ? $"<br><small class=\"why\">Selection: {E(reason)}</small>" : string.Empty)
                    .Append("</figcaption></figure>");
            }
        }

        html.Append("</div></section>");
    }

    private static void Crops(StringBuilder html, ReportData data)
    {
        var timeline = data.Edit.Timeline;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"crops\"><h2>200% crops: frame edges and subject</h2><p class=\"note\">Graded middle frame of each shot, corners and subject at 200% ({RuleIds.QA02}: \"forgetting the edges of the frame\").</p>");
        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            var entry = timeline.Entries[i];
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(entry.Shot.Name)}</h3><div class=\"crops\">");
            foreach (var name in ReportImages.CropNames)
            {
                html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"img/{i:00}-{E(entry.Shot.Name)}-{name}.jpg\" alt=\"{E(entry.Shot.Name)} {name} at 200%\"><figcaption>{name}</figcaption></figure>");
            }

            html.Append("</div>");
        }

        html.Append("</section>");
    }

    private static void MobileFrames(StringBuilder html, ReportData data)
    {
        if (data.Exports.MobileCrop is not { } crop)
        {
            return;
        }

        var timeline = data.Edit.Timeline;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"mobile\"><h2>16:9 and 9:16</h2><p class=\"note\">Each shot's graded middle frame as the web export shows it, with the mobile export's window drawn in yellow, and as the mobile export shows it ({RuleIds.QA11}: the subject inside the window in at least {N(QaMetrics.SubjectInCrop.Limit)}% of a shot's frames).</p>");
        for (var i = 0; i < timeline.Entries.Count; i++)
        {
            var entry = timeline.Entries[i];
            var window = crop.Windows[i];
            var inside = crop.SubjectInside(window);
            var verdict = inside is { } share
                ? $"<span class=\"{(QaMetrics.SubjectInCrop.Passes(share * 100) ? "pass" : "fail")}\">{RuleIds.QA11} subject inside {N(share * 100)}% of frames</span>"
                : $"<span class=\"na\">{RuleIds.QA11} not measured: no subject box</span>";
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(entry.Shot.Name)}</h3><div class=\"crops frames\"><figure><img src=\"img/{i:00}-{E(entry.Shot.Name)}-16x9.jpg\" alt=\"{E(entry.Shot.Name)} 16:9\"><figcaption>16:9</figcaption></figure>")
                .Append(CultureInfo.InvariantCulture, $"<figure><img src=\"img/{i:00}-{E(entry.Shot.Name)}-9x16.jpg\" alt=\"{E(entry.Shot.Name)} 9:16\"><figcaption>9:16</figcaption></figure></div>")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(crop.Describe(window))} · {verdict}</p>");
        }

        html.Append("</section>");
    }

    private static void Qa(StringBuilder html, ReportData data)
    {
        html.Append("<section id=\"qa\"><h2>QA</h2><table><thead><tr><th>Check</th><th>Scope</th><th>Measured</th><th>Limit</th><th>Result</th><th>Rule</th><th>Why</th><th>By</th></tr></thead><tbody>");
        foreach (var q in data.Qa)
        {
            var rule = q.Metric.RuleId is { } id ? id + " " + RuleCatalog.Get(id).Title : q.Metric.Id;
            var limit = (q.Metric.Bound == QaBound.AtMost ? "≤ " : "≥ ") + N(q.Metric.Limit) + " " + q.Metric.Unit;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(q.Metric.Id)} {E(q.Metric.Title)}</td><td>{E(q.Scope)}</td><td>{N(q.Value)} {E(q.Metric.Unit)}</td><td>{E(limit)}</td><td class=\"{(q.Passes ? "pass" : "fail")}\">{(q.Passes ? "pass" : "fail")}</td><td>{E(rule)}</td><td>{E(q.Metric.Why)}</td><td>{E(q.Source)}</td></tr>");
        }

        html.Append("</tbody></table>");
        var unmeasured = QaMetrics.All.Where(m => data.Qa.All(q => q.Metric.Id != m.Id)).ToList();
        if (unmeasured.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Not measured for this film: {E(string.Join(", ", unmeasured.Select(m => m.Id + " " + m.Title)))}.</p>");
        }

        html.Append("</section>");
    }

    private static void Loudness(StringBuilder html, ReportData data)
    {
        var sound = data.Sound;
        var duration = data.Edit.Timeline.Duration;
        html.Append("<section id=\"loudness\"><h2>Loudness (EBU R128)</h2><table><thead><tr><th>Stem</th><th>Source</th><th>Target</th><th>Raw</th><th>Gain</th><th>Measured</th><th>True peak</th><th>QA05</th></tr></thead><tbody>");
        foreach (var stem in sound.Stems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(stem.Name)}</td><td>{E(stem.Source is null ? "generated room tone" : Path.GetFileName(stem.Source))}</td><td>{N(stem.Target)} LUFS</td><td>{N(stem.Raw)} LUFS</td><td>{N(stem.Gain)} dB</td><td>{N(stem.Measured.Integrated)} LUFS</td><td>{N(stem.Measured.TruePeak)} dBTP</td><td class=\"{(stem.Passes ? "pass" : "fail")}\">{(stem.Passes ? "pass" : "fail")} ({N(stem.Miss)} LU, {stem.RuleId})</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<tr><td><b>mix</b></td><td>sum at unity</td><td>—</td><td>—</td><td>0 dB</td><td>{N(sound.Mix.Integrated)} LUFS</td><td>{N(sound.Mix.TruePeak)} dBTP</td><td>—</td></tr></tbody></table>");
        if (sound.MusicUnderBed is { } music)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"{(music.Below ? "pass" : "fail")}\">Music {(music.Below ? "sits under" : "is louder than")} the bed (ambience + effects at {N(music.Bed)} LUFS) — {RuleIds.CF0704}.</p>");
        }

        foreach (var stem in sound.Stems.Append(null))
        {
            var measurement = stem?.Measured ?? sound.Mix;
            var points = measurement.Momentary.Where(p => p.Lufs > -80).Select(p => (p.Time, p.Lufs)).ToList();
            var references = stem is null ? Array.Empty<(double, string, string)>() : new[] { (stem.Target, $"target {N(stem.Target)} LUFS", "#2e86c1") };
            html.Append(CultureInfo.InvariantCulture, $"<figure class=\"plotbox\"><figcaption>{E(stem?.Name ?? "mix")}: momentary loudness (LUFS)</figcaption>{Line(points, duration, -60, 0, references, (stem?.Name ?? "mix") + " loudness")}</figure>");
        }

        foreach (var note in sound.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(note)}</p>");
        }

        html.Append("</section>");
    }

    private static void ColourContinuity(StringBuilder html, ReportData data)
    {
        var entries = data.Edit.Timeline.Entries;
        var before = data.Grade.Before.Select(Colour.ToLab).ToList();
        var after = data.Grade.After.Select(s => s.MeanLab).ToList();
        var bars = new List<(string, double, double)>();
        for (var i = 1; i < entries.Count; i++)
        {
            bars.Add(($"{i}→{i + 1}", before[i - 1].DistanceAb(before[i]), after[i - 1].DistanceAb(after[i])));
        }

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"colour\"><h2>Colour continuity</h2><p class=\"note\">a*b* distance between consecutive shots' mean colours, before (grey) and after (blue) the grade; the dashed line is {RuleIds.QA03}'s limit.</p>")
            .Append(Bars(bars, QaMetrics.ColourCast.Limit, $"{RuleIds.QA03} {N(QaMetrics.ColourCast.Limit)}", "colour continuity across cuts"))
            .Append("<table><thead><tr><th>Shot</th><th>Mean before</th><th>Mean after</th><th>Cast before</th><th>Cast after</th><th>Harmonization gains</th></tr></thead><tbody>");
        for (var i = 0; i < entries.Count; i++)
        {
            var gains = data.Grade.Harmonization?.Gains[i];
            var reference = data.Grade.Harmonization?.Reference == i ? " (reference)" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(entries[i].Shot.Name)}{reference}</td><td><span class=\"swatch\" style=\"background:{data.Grade.Before[i].ToHex()}\"></span>{data.Grade.Before[i].ToHex()}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><span class=\"swatch\" style=\"background:{data.Grade.After[i].MeanColour.ToHex()}\"></span>{data.Grade.After[i].MeanColour.ToHex()}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{N(before[i].Chroma)}</td><td>{N(after[i].Chroma)}</td><td>{(gains is { } g ? $"R {g.R:0.000} G {g.G:0.000} B {g.B:0.000}" : "—")}</td></tr>");
        }

        html.Append("</tbody></table><p class=\"note\">Grade as applied: ").Append(E(string.Join(" → ", data.Grade.Plan.Describe()))).Append("</p>");
        foreach (var warning in data.Grade.Plan.Warnings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">{E(warning.ToString())}</p>");
        }

        html.Append("</section>");
    }

    private static void Exports(StringBuilder html, ReportData data)
    {
        html.Append("<section id=\"exports\"><h2>Exports</h2><table><thead><tr><th>Export</th><th>File</th><th>Codec</th><th>Pixel format</th><th>Size</th><th>fps</th><th>Duration</th><th>Audio</th><th>Highlight ceiling</th></tr></thead><tbody>");
        foreach (var file in data.Exports.Files)
        {
            var p = file.Probe;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{file.Kind}</td><td>{E(Path.GetRelativePath(Path.GetDirectoryName(data.Exports.Folder)!, file.Path))}</td><td>{E(p.VideoCodec ?? "—")}</td><td>{E(p.PixelFormat ?? "—")}</td><td>{p.Width}x{p.Height}</td><td>{N(p.FrameRate)}</td><td>{N(p.Duration)} s</td><td>{E(p.AudioCodec ?? "—")}</td><td>{N(file.HighlightCeiling)}</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var line in data.Exports.Codecs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(line)}</p>");
        }

        if (data.Exports.Archived.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Archived next to the master: {E(string.Join(", ", data.Exports.Archived.Select(Path.GetFileName)))}</p>");
        }

        html.Append("</section>");
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "—" : string.Join(", ", items);

    private const string Css = "body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}header{padding:16px 24px;background:#1f2a36;color:#fff}header h1{margin:0 0 4px}.meta{opacity:.75;font-size:12px}"
        + "nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 24px;z-index:1}nav a{margin-right:14px;color:#2e86c1;text-decoration:none}main{padding:0 24px 40px}section{margin:24px 0}"
        + "table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0}th,td{border:1px solid #e2e2e2;padding:4px 6px;text-align:left;vertical-align:top;font-size:13px}th{background:#f0f3f6}"
        + ".pass{color:#1e8449;font-weight:600}.fail{color:#c0392b;font-weight:600}.na{color:#888}.warn{color:#b9770e}.note{color:#555;font-size:12px}"
        + ".timeline{display:flex;gap:2px;margin:8px 0}.clip{background:#d6eaf8;padding:6px;border-radius:3px;overflow:hidden;font-size:12px;min-width:0}.clip span{display:block;color:#555}"
        + ".beat-setup{background:#d6eaf8}.beat-tension{background:#fadbd8}.beat-decision{background:#fdebd0}.beat-consequence{background:#d5f5e3}.beat-calltoaction{background:#e8daef}"
        + ".track{position:relative;height:22px;border-top:1px dashed #bbb}.marker{position:absolute;top:2px;font-size:11px;white-space:nowrap;color:#884ea0}"
        + ".sheet,.crops{display:flex;flex-wrap:wrap;gap:10px}figure{margin:0;background:#fff;border:1px solid #ddd;padding:4px}figure img{display:block;max-width:320px;image-rendering:pixelated}.frames img{max-width:none}.selected{border:2px solid #1e8449}.why{color:#1f2a36;font-weight:600}.alternate{opacity:.8}"
        + ".chart{width:100%;max-width:560px;height:auto;display:block}.plot{fill:#fff;stroke:#ccc}.series{fill:none;stroke:#2e86c1;stroke-width:1.5}.before{fill:#aab7b8}.after{fill:#2e86c1}.tick{font-size:10px;fill:#555}"
        + ".plotbox{display:inline-block;margin:6px}.swatch{display:inline-block;width:14px;height:14px;border:1px solid #999;margin-right:4px;vertical-align:middle}pre{background:#fff;border:1px solid #ddd;padding:8px;max-height:480px;overflow:auto;font-size:12px}";

    // Marks the page once every image has loaded and no script error happened: a headless browser reads the mark.
    private const string Script = "<script>(function(){var errors=[];window.addEventListener('error',function(e){errors.push(e.message||('failed to load '+(e.target&&e.target.src)));},true);"
        + "window.addEventListener('load',function(){var imgs=document.images;for(var i=0;i<imgs.length;i++){if(!imgs[i].complete||imgs[i].naturalWidth===0){errors.push('image not loaded: '+imgs[i].getAttribute('src'));}}"
        + "document.documentElement.setAttribute('data-render-check',errors.length===0?'ok':'errors');document.documentElement.setAttribute('data-render-errors',errors.join(' | '));document.documentElement.setAttribute('data-images',String(imgs.length));});})();</script>";
}
