using System.Globalization;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Export;

/// <summary>One written export.</summary>
/// <param name="Kind">Master, web or mobile.</param>
/// <param name="Path">The file, in the published exports folder.</param>
/// <param name="Probe">What ffprobe reads back from it.</param>
/// <param name="HighlightCeiling">Peak white kept, as a fraction of full scale (1: no headroom).</param>
public sealed record ExportFile(ExportKind Kind, string Path, MediaInfo Probe, double HighlightCeiling);

/// <summary>The exports and the measurements taken on them.</summary>
/// <param name="Folder">The published exports folder.</param>
/// <param name="Files">Every export.</param>
/// <param name="Archived">Files archived next to the master (script, lock file, settings log).</param>
/// <param name="MobileCrop">The mobile crop, when there is a mobile export.</param>
/// <param name="MobileContrast">QA08: RMS luma contrast of the mobile export at phone size, when there is one.</param>
/// <param name="Codecs">Why each export uses what it uses, for the settings log.</param>
public sealed record ExportResult(string Folder, IReadOnlyList<ExportFile> Files, IReadOnlyList<string> Archived, MobileCrop? MobileCrop, double? MobileContrast, IReadOnlyList<string> Codecs);

/// <summary>
/// Writes the master, then the distribution exports, from one decode of the graded cut (one filter
/// graph, three outputs), into a staging folder swapped in only when every file is complete.
/// </summary>
public sealed class ExportStage
{
    /// <summary>
    /// The master: ProRes 422 HQ (10-bit 4:2:2) from FFmpeg's <c>prores_aw</c> encoder with 24-bit PCM in
    /// a QuickTime file. Debian's FFmpeg has ProRes, FFV1 and x264; ProRes HQ is the intermediate every
    /// editing and grading tool opens, <c>prores_aw</c> encodes it about 9x faster than <c>prores_ks</c>,
    /// and x264 10-bit 4:2:2 in .mov came out unreadable here.
    /// </summary>
    internal static readonly string[] MasterArguments = { "-c:v", "prores_aw", "-profile:v", "3", "-vendor", "apl0", "-pix_fmt", "yuv422p10le", "-c:a", "pcm_s24le", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact" };

    /// <summary>
    /// Web and mobile: H.264 High, yuv420p, moov atom first for progressive playback, AAC. x264's
    /// output depends on its thread count, so it is fixed: the same film gives the same bytes on any machine.
    /// </summary>
    internal static readonly string[] DistributionArguments = { "-c:v", "libx264", "-preset", "fast", "-crf", "18", "-threads:v", "2", "-profile:v", "high", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-c:a", "aac", "-b:a", "192k", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact" };

    // Highlights above this fraction of the way to the ceiling roll off instead of clipping.
    private const double HighlightKnee = 0.8;

    // QA08 measures the mobile frame at phone width.
    private const int PhoneWidth = 360;

    /// <summary>Writes the exports of <paramref name="film"/>.</summary>
    /// <param name="film">The plan (its export set).</param>
    /// <param name="edit">The edit (timeline and per-shot statistics, for the mobile crop).</param>
    /// <param name="gradedVideo">The graded cut.</param>
    /// <param name="mix">The sound mix.</param>
    /// <param name="ffmpeg">The render's ffmpeg.</param>
    /// <param name="folder">The exports folder.</param>
    /// <param name="archive">Files to archive next to the master: (source path, name in the folder).</param>
    /// <param name="cancellationToken">Cancels the encode.</param>
    /// <param name="cache">Where encoded exports are kept by the hash of what made them, so a rerun with the same graded cut, mix and settings copies them instead of encoding again; none when null.</param>
    /// <exception cref="FinishingException">The exports folder holds foreign files, or an encode fails; nothing is published.</exception>
    public ExportResult Run(FfmpegTool ffmpeg, Film film, EditResult edit, string gradedVideo, string mix, ExportFolder folder, IReadOnlyList<(string Source, string Name)> archive, CancellationToken cancellationToken = default, StageCache? cache = null)
    {
        folder.EnsureReplaceable();
        var timeline = edit.Timeline;
        var name = FileStem(film.Title);
        var staging = folder.CreateStaging();
        try
        {
            var targets = film.Exports.Targets.OrderBy(t => t.Kind).ToList();
            var crop = targets.Any(t => t.Kind == ExportKind.Mobile) ? MobileCrop.Plan(timeline, edit.Statistics) : null;
            var outputs = targets.Select(t => (Target: t, Path: System.IO.Path.Combine(staging, t.Kind.ToString().ToLowerInvariant(), name + (t.Kind == ExportKind.Master ? ".mov" : ".mp4")))).ToList();
            if (outputs.Count > 0)
            {
                EncodeOrReuse(ffmpeg, timeline, gradedVideo, mix, outputs, crop, cache, cancellationToken);
            }

            var archived = new List<string>();
            var archiveFolder = System.IO.Path.Combine(staging, outputs.Any(o => o.Target.Kind == ExportKind.Master) ? "master" : "archive");
            foreach (var (source, fileName) in archive)
            {
                Directory.CreateDirectory(archiveFolder);
                File.Copy(source, System.IO.Path.Combine(archiveFolder, fileName));
                archived.Add(System.IO.Path.GetRelativePath(staging, System.IO.Path.Combine(archiveFolder, fileName)));
            }

            double? mobileContrast = null;
            var mobile = outputs.FirstOrDefault(o => o.Target.Kind == ExportKind.Mobile);
            if (mobile.Path is not null && crop is not null)
            {
                var phoneHeight = PhoneWidth * crop.OutputHeight / crop.OutputWidth;
                mobileContrast = RmsContrast(FrameSampler.Sample(ffmpeg, mobile.Path, 0, timeline.Duration, PhoneWidth, phoneHeight & ~1, 2));
            }

            folder.Publish(staging);
            var files = outputs.Select(o =>
            {
                var published = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(staging, o.Path));
                return new ExportFile(o.Target.Kind, published, MediaProbe.Probe(ffmpeg, published), o.Target.HighlightCeiling);
            }).ToList();
            var codecs = new List<string>
            {
                "master: ProRes 422 HQ (prores_aw, yuv422p10le) + PCM 24-bit in .mov: the editing intermediate Debian's FFmpeg encodes fastest at this quality",
                "web: H.264 High (libx264 crf 18), yuv420p, +faststart, AAC 192k, 16:9",
                crop is null ? "mobile: none" : $"mobile: H.264 as web, 9:16 crop {crop.CropWidth}x{crop.CropHeight} scaled to {crop.OutputWidth}x{crop.OutputHeight}, window per shot at the measured subject",
            };
            return new ExportResult(folder.Path, files, archived.Select(a => System.IO.Path.Combine(folder.Path, a)).ToList(), crop, mobileContrast, codecs);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Rolls highlights off above a knee so peak white lands at <paramref name="ceiling"/> of the video range (limited-range luma, 16..235).</summary>
    internal static string HighlightFilter(double ceiling)
    {
        var c = 16 + (ceiling * 219);
        var k = 16 + (ceiling * HighlightKnee * 219);
        string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        return $"lutyuv=y='min(if(gt(val\\,{N(k)})\\,{N(k)}+(val-{N(k)})*{N((c - k) / (235 - k))}\\,val)\\,{N(c)})'";
    }

    /// <summary>A file name from the film's title: lower case, hyphens.</summary>
    internal static string FileStem(string title)
    {
        var chars = title.ToLowerInvariant().Select(ch => ch < 128 && char.IsLetterOrDigit(ch) ? ch : '-').ToArray();
        var stem = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return stem.Length == 0 ? "film" : stem;
    }

    // The graded cut and the mix are content-addressed (their names are their keys), and the filter
    // graph and codec arguments are the rest of what makes the bytes: the same key, the same files.
    private static void EncodeOrReuse(FfmpegTool ffmpeg, Timeline timeline, string graded, string mix, IReadOnlyList<(ExportTarget Target, string Path)> outputs, MobileCrop? crop, StageCache? cache, CancellationToken cancellationToken)
    {
        var (graph, args) = Command(timeline, graded, mix, outputs, crop);
        if (cache is null)
        {
            ffmpeg.Run(args, "Export", cancellationToken);
            return;
        }

        var key = ArtefactKey.For("export").Add("ffmpeg", ffmpeg.Version).Add("graded", System.IO.Path.GetFileName(graded)).Add("mix", System.IO.Path.GetFileName(mix)).Add("graph", graph).Add("outputs", outputs.Select(o => o.Target.Kind + ":" + string.Join(' ', o.Target.Kind == ExportKind.Master ? MasterArguments : DistributionArguments)).ToArray()).Hash();
        var stored = outputs.Select(o => cache.PathFor("export", key + "-" + o.Target.Kind.ToString().ToLowerInvariant(), System.IO.Path.GetExtension(o.Path))).ToList();
        if (!stored.All(File.Exists))
        {
            ffmpeg.Run(args, "Export", cancellationToken);
            for (var i = 0; i < outputs.Count; i++)
            {
                var encoded = outputs[i].Path;
                cache.GetOrCreate("export", key + "-" + outputs[i].Target.Kind.ToString().ToLowerInvariant(), System.IO.Path.GetExtension(encoded), path => File.Copy(encoded, path, overwrite: true));
            }

            return;
        }

        for (var i = 0; i < outputs.Count; i++)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(outputs[i].Path)!);
            File.Copy(stored[i], outputs[i].Path, overwrite: true);
        }
    }

    private static (string Graph, List<string> Args) Command(Timeline timeline, string graded, string mix, IReadOnlyList<(ExportTarget Target, string Path)> outputs, MobileCrop? crop)
    {
        var fps = timeline.Fps.ToString(CultureInfo.InvariantCulture);
        var graph = new List<string> { $"[0:v]split={outputs.Count}" + string.Concat(outputs.Select((_, i) => $"[v{i}]")) };
        var args = new List<string> { "-i", graded, "-i", mix };
        for (var i = 0; i < outputs.Count; i++)
        {
            var (target, path) = outputs[i];
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var chain = new List<string>();
            if (target.Kind == ExportKind.Web && Math.Abs(((double)timeline.Size.Width / timeline.Size.Height) - (16.0 / 9)) > 0.01)
            {
                // Web is 16:9: a frame of another shape is cropped to it around the centre.
                chain.Add("crop=w='min(iw\\,ih*16/9)':h='min(ih\\,iw*9/16)'");
                chain.Add("scale=trunc(iw/2)*2:trunc(ih/2)*2");
            }

            if (target.Kind == ExportKind.Mobile)
            {
                chain.Add(crop!.Filter(timeline));
            }

            if (target.HasHeadroom)
            {
                chain.Add(HighlightFilter(target.HighlightCeiling));
            }

            graph.Add($"[v{i}]{(chain.Count == 0 ? "null" : string.Join(",", chain))}[o{i}]");
            args.AddRange(new[] { "-map", $"[o{i}]", "-map", "1:a", "-r", fps });
            args.AddRange(target.Kind == ExportKind.Master ? MasterArguments : DistributionArguments);
            args.Add(path);
        }

        var filter = string.Join(";", graph);
        args.InsertRange(4, new[] { "-filter_complex", filter });
        return (filter + "\n" + fps, args);
    }

    private static double RmsContrast(IReadOnlyList<RgbImage> frames)
    {
        var values = new List<double>();
        foreach (var frame in frames)
        {
            double sum = 0, sumSquares = 0;
            var n = frame.Width * frame.Height;
            for (var y = 0; y < frame.Height; y++)
            {
                for (var x = 0; x < frame.Width; x++)
                {
                    var l = frame.LumaAt(x, y);
                    sum += l;
                    sumSquares += l * l;
                }
            }

            var mean = sum / n;
            values.Add(Math.Sqrt(Math.Max(0, (sumSquares / n) - (mean * mean))));
        }

        return values.Average();
    }
}
