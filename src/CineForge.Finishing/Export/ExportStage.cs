using System.Globalization;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Grade;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;
using CineForge.Runtime.Progress;

namespace CineForge.Finishing.Export;

/// <summary>One written export.</summary>
/// <param name="Kind">Master, web or mobile.</param>
/// <param name="Path">The file, in the published exports folder.</param>
/// <param name="Probe">What ffprobe reads back from it.</param>
/// <param name="HighlightCeiling">Peak white kept, as a fraction of full scale (1: no headroom).</param>
public sealed record ExportFile(ExportKind Kind, string Path, MediaInfo Probe, double HighlightCeiling);

/// <summary>What the finishing stream measured on the graded frames it encoded.</summary>
/// <param name="After">Each shot's statistics after the grade (<see cref="ShotSampling"/>).</param>
/// <param name="MobileContrast">QA08: RMS luma contrast of the mobile picture at phone size, when there is a mobile export.</param>
public sealed record StreamMeasures(IReadOnlyList<ClipStatistics> After, double? MobileContrast);

/// <summary>The exports and the measurements taken on them.</summary>
/// <param name="Folder">The published exports folder.</param>
/// <param name="Files">Every export.</param>
/// <param name="Archived">Files archived next to the master (script, lock file, settings log).</param>
/// <param name="MobileCrop">The mobile crop, when there is a mobile export.</param>
/// <param name="MobileContrast">QA08: RMS luma contrast of the mobile export at phone size, when there is one.</param>
/// <param name="Codecs">Why each export uses what it uses, for the settings log.</param>
public sealed record ExportResult(string Folder, IReadOnlyList<ExportFile> Files, IReadOnlyList<string> Archived, MobileCrop? MobileCrop, double? MobileContrast, IReadOnlyList<string> Codecs)
{
    /// <summary>Each shot's statistics after the grade, from the stream's graded frames.</summary>
    public IReadOnlyList<ClipStatistics> GradedStatistics { get; init; } = [];

    /// <summary>Each shot's graded middle frame (PNG, full size), in the store.</summary>
    public IReadOnlyList<string> GradedStills { get; init; } = [];
}

/// <summary>
/// The finishing stream: one FFmpeg run decodes each take once, cuts it (<see cref="EditGraph"/>),
/// grades it (<see cref="GradeStage.FilterGraph"/>) and splits the graded picture to the master, web
/// and mobile encoders and to the measurements (each shot's graded statistics, the mobile contrast,
/// the report's stills), so no intermediate file is written and no frame is decoded twice. The exports
/// go to a staging folder swapped in only when every file is complete.
/// </summary>
public sealed class ExportStage
{
    /// <summary>
    /// The master's encoder: the film's <see cref="MasterCodec"/> (ProRes 422 HQ unless the film names
    /// another) with 24-bit PCM in a QuickTime file. ProRes comes from FFmpeg's <c>prores_aw</c> encoder,
    /// about 9x faster than <c>prores_ks</c>; DNxHR HQ from <c>dnxhd</c>. What each costs and keeps is
    /// measured in docs/finishing.md ("The master's codec"). One row a codec: how the settings log names
    /// it, and its video encoder and picture format; the sound and flags are shared.
    /// </summary>
    private static readonly Dictionary<MasterCodec, (string Name, string[] Video)> Masters = new()
    {
        [MasterCodec.ProRes422Hq] = ("ProRes 422 HQ (prores_aw, yuv422p10le)", ["-c:v", "prores_aw", "-profile:v", "3", "-vendor", "apl0", "-pix_fmt", "yuv422p10le"]),
        [MasterCodec.ProRes422] = ("ProRes 422 (prores_aw, yuv422p10le)", ["-c:v", "prores_aw", "-profile:v", "2", "-vendor", "apl0", "-pix_fmt", "yuv422p10le"]),
        [MasterCodec.DnxHrHq] = ("DNxHR HQ (dnxhd, yuv422p)", ["-c:v", "dnxhd", "-profile:v", "dnxhr_hq", "-pix_fmt", "yuv422p"]),
    };

    private static readonly string[] MasterAudioAndFlags = { "-c:a", "pcm_s24le", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact" };

    // A master target read from a plan written before the codec was a choice has none: the default.
    private static MasterCodec CodecOf(ExportTarget master) => master.Codec ?? MasterCodec.ProRes422Hq;

    /// <summary>The encoder arguments of <paramref name="target"/>.</summary>
    internal static IReadOnlyList<string> Arguments(ExportTarget target) => target.Kind == ExportKind.Master ? [.. Masters[CodecOf(target)].Video, .. MasterAudioAndFlags] : DistributionArguments;

    /// <summary>
    /// Web and mobile: H.264 High, yuv420p, moov atom first for progressive playback, AAC. x264's
    /// output depends on its thread count, so it is fixed: the same film gives the same bytes on any machine.
    /// The preset is <c>veryfast</c>: on the ad's graded, grainy frames at crf 18 it keeps SSIM within
    /// 0.001 of <c>fast</c> (0.9700 against 0.9707) at the same file size, in half the encoder time
    /// (docs/performance.md).
    /// </summary>
    internal static readonly string[] DistributionArguments = { "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-threads:v", "2", "-profile:v", "high", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-c:a", "aac", "-b:a", "192k", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact" };

    // Highlights above this fraction of the way to the ceiling roll off instead of clipping.
    private const double HighlightKnee = 0.8;

    // QA08 measures the mobile frame at phone width, two frames a second.
    private const int PhoneWidth = 360;
    private const int PhoneSamplesPerSecond = 2;

    // The measured frames keep the film's timestamps and pass to their outputs as they are (no frame
    // dropped or repeated to make a constant rate): every output of the one stream then runs at the
    // film's time, so FFmpeg feeds them in step and holds no frames back for a lagging one.
    private static readonly string[] Passthrough = { "-fps_mode", "passthrough" };

    /// <summary>Runs the finishing stream of <paramref name="film"/> and publishes its exports.</summary>
    /// <param name="ffmpeg">The render's ffmpeg.</param>
    /// <param name="film">The plan (its export set).</param>
    /// <param name="edit">The edit (timeline, the takes, per-shot statistics for the mobile crop).</param>
    /// <param name="grade">The grade (its chain and each shot's Hald CLUT).</param>
    /// <param name="mix">The sound mix.</param>
    /// <param name="folder">The exports folder.</param>
    /// <param name="archive">Files to archive next to the master: (source path, name in the folder).</param>
    /// <param name="cache">Where the stream's products are kept by the hash of what made them, so a rerun with the same takes, grade, mix and settings copies them instead of running the stream again.</param>
    /// <param name="progress">Hears how far the stream is through the film (<see cref="RenderEvent.Frame"/> of <see cref="RenderEvent.Frames"/> measured frames), for a bar and its time left.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <exception cref="FinishingException">The exports folder holds foreign files, or the stream fails; nothing is published.</exception>
    public ExportResult Run(FfmpegTool ffmpeg, Film film, EditResult edit, GradeResult grade, string mix, ExportFolder folder, IReadOnlyList<(string Source, string Name)> archive, StageCache cache, IProgress<RenderEvent>? progress = null, CancellationToken cancellationToken = default)
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
            // The stream's own files (stills, phone frames) go beside the exports and never get published.
            var (measures, stills) = StreamOrReuse(ffmpeg, edit, grade, mix, outputs, crop, cache, System.IO.Path.Combine(staging, ".stream"), progress, cancellationToken);

            var archived = new List<string>();
            var archiveFolder = System.IO.Path.Combine(staging, outputs.Any(o => o.Target.Kind == ExportKind.Master) ? "master" : "archive");
            foreach (var (source, fileName) in archive)
            {
                Directory.CreateDirectory(archiveFolder);
                File.Copy(source, System.IO.Path.Combine(archiveFolder, fileName));
                archived.Add(System.IO.Path.GetRelativePath(staging, System.IO.Path.Combine(archiveFolder, fileName)));
            }

            folder.Publish(staging);
            var files = Concurrent.Map(outputs, (o, _) =>
            {
                var published = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(staging, o.Path));
                return new ExportFile(o.Target.Kind, published, MediaProbe.Probe(ffmpeg, published), o.Target.HighlightCeiling);
            }, cancellationToken: cancellationToken);
            var codecs = new List<string>
            {
                outputs.FirstOrDefault(o => o.Target.Kind == ExportKind.Master).Target is { } master ? $"master: {Masters[CodecOf(master)].Name} + PCM 24-bit in .mov" : "master: none",
                "web: H.264 High (libx264 veryfast crf 18), yuv420p, +faststart, AAC 192k, 16:9",
                crop is null ? "mobile: none" : $"mobile: H.264 as web, 9:16 crop {crop.CropWidth}x{crop.CropHeight} scaled to {crop.OutputWidth}x{crop.OutputHeight}, window following each shot's subject",
            };
            return new ExportResult(folder.Path, files, archived.Select(a => System.IO.Path.Combine(folder.Path, a)).ToList(), crop, measures.MobileContrast, codecs)
            {
                GradedStatistics = measures.After,
                GradedStills = stills,
            };
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

    // Everything that makes the stream's bytes is in its key: the takes' bytes (the cut's key), each
    // shot's CLUT (content-addressed names), the spatial steps, the mix and the whole command. The same
    // key, the same files, so a rerun copies them from the store instead of running the stream again.
    private static (StreamMeasures Measures, IReadOnlyList<string> Stills) StreamOrReuse(FfmpegTool ffmpeg, EditResult edit, GradeResult grade, string mix, IReadOnlyList<(ExportTarget Target, string Path)> outputs, MobileCrop? crop, StageCache cache, string work, IProgress<RenderEvent>? progress, CancellationToken cancellationToken)
    {
        var timeline = edit.Timeline;
        var stream = Command(timeline, grade, mix, outputs, crop, work);
        var key = ArtefactKey.For("finishing-stream-1").Add("ffmpeg", ffmpeg.Version).Add("cut", edit.Key).Add("cluts", grade.Cluts.Select(System.IO.Path.GetFileName).ToArray())
            .Add("mix", System.IO.Path.GetFileName(mix)).Add("graph", stream.Graph).Add("outputs", outputs.Select(o => o.Target.Kind + ":" + string.Join(' ', Arguments(o.Target))).ToArray()).Hash();
        string Stored(string part, string extension) => cache.PathFor("export", key + "-" + part, extension);
        var stored = outputs.Select(o => Stored(o.Target.Kind.ToString().ToLowerInvariant(), System.IO.Path.GetExtension(o.Path))).ToList();
        var stills = timeline.Entries.Select((_, i) => Stored($"still-{i:00}", ".png")).ToList();
        var measuresPath = Stored("measures", ".json");
        if (stored.Concat(stills).Append(measuresPath).All(File.Exists)
            && System.Text.Json.JsonSerializer.Deserialize<StreamMeasures>(File.ReadAllText(measuresPath)) is { } kept && kept.After.Count == timeline.Entries.Count)
        {
            for (var i = 0; i < outputs.Count; i++)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(outputs[i].Path)!);
                File.Copy(stored[i], outputs[i].Path, overwrite: true);
            }

            return (kept, stills);
        }

        try
        {
            Prepare(stream, outputs, work);
            (IReadOnlyList<ClipStatistics> Statistics, int Read) graded = ([], 0);
            var total = ShotSampling.TimelineFrames(timeline).Count();

            // The measured frames leave FFmpeg in playing order, a few a second of film: how far the stream is.
            void Reached(int frames) => progress?.Report(RenderEvent.Finishing(RenderStage.Export) with { Frame = frames, Frames = total });
            ffmpeg.RunStreaming(stream.Arguments, "Finishing (cut, grade, exports)", output => graded = ShotSampling.MeasureEach(timeline, FrameSampler.Frames(output, ShotSampling.Width, ShotSampling.Height(timeline.Size)), Reached), cancellationToken);
            ShotSampling.RequireCount(timeline, graded.Read, "Finishing");
            var after = graded.Statistics;
            double? mobileContrast = null;
            if (crop is not null)
            {
                using var phone = File.OpenRead(System.IO.Path.Combine(work, "phone.rgb"));
                mobileContrast = RmsContrast(FrameSampler.Frames(phone, PhoneWidth, PhoneHeight(crop)));
            }

            for (var i = 0; i < outputs.Count; i++)
            {
                var encoded = outputs[i].Path;
                cache.GetOrCreate("export", key + "-" + outputs[i].Target.Kind.ToString().ToLowerInvariant(), System.IO.Path.GetExtension(encoded), path => File.Copy(encoded, path, overwrite: true));
            }

            for (var i = 0; i < stills.Count; i++)
            {
                var still = System.IO.Path.Combine(work, $"still-{i + 1:00}.png");
                if (!File.Exists(still))
                {
                    throw new FinishingException($"Finishing: the stream wrote no still of shot '{timeline.Entries[i].Shot.Name}'.");
                }

                cache.GetOrCreate("export", key + $"-still-{i:00}", ".png", path => File.Copy(still, path, overwrite: true));
            }

            var measures = new StreamMeasures(after, mobileContrast);
            cache.GetOrCreate("export", key + "-measures", ".json", path => File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(measures)));
            return (measures, stills);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static int PhoneHeight(MobileCrop crop) => (PhoneWidth * crop.OutputHeight / crop.OutputWidth) & ~1;

    /// <summary>
    /// The stream's command, built without touching the disk. Inputs: the takes (0, one after another),
    /// their Hald CLUTs (1, timed to their shots), the mix (2); <c>Lists</c> are the two input lists, to
    /// be written in <paramref name="work"/> before it runs (<see cref="Prepare"/>). The graded
    /// picture is split to each export's chain and encoder, to the measured frames (standard output), to
    /// each shot's middle frame (PNG in <paramref name="work"/>) and, with a mobile export, from the
    /// mobile chain to its phone-size frames (raw in <paramref name="work"/>).
    /// </summary>
    internal static (string Graph, List<string> Arguments, IReadOnlyList<ConcatInput> Lists) Command(Timeline timeline, GradeResult grade, string mix, IReadOnlyList<(ExportTarget Target, string Path)> outputs, MobileCrop? crop, string work)
    {
        var fps = timeline.Fps.ToString(CultureInfo.InvariantCulture);
        var graph = new List<string>
        {
            EditGraph.Cut(timeline, 0, "cut"),
            GradeStage.FilterGraph(timeline, grade.Plan, "cut", 1, "graded"),
            $"[graded]split={outputs.Count + 2}" + string.Concat(outputs.Select((_, i) => $"[v{i}]")) + "[vm][vs]",
        };
        var lists = new[] { EditGraph.Input(timeline, System.IO.Path.Combine(work, "takes.ffconcat")), GradeStage.ClutInput(grade.Cluts, System.IO.Path.Combine(work, "cluts.ffconcat")) };
        var inputs = lists.SelectMany(l => l.Arguments).Concat(new[] { "-i", mix });
        var args = new List<string>();
        var encoders = new List<string>();
        for (var i = 0; i < outputs.Count; i++)
        {
            var (target, path) = outputs[i];
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

            var body = chain.Count == 0 ? "null" : string.Join(",", chain);
            if (target.Kind == ExportKind.Mobile)
            {
                // QA08 reads the mobile picture as the phone shows it: what the encoder receives, at phone size.
                var phone = PhoneSamplesPerSecond;
                var frames = ShotSampling.Nearest(timeline.TotalFrames, timeline.Fps, phone);
                graph.Add($"[v{i}]{body},split[o{i}][phone];[phone]{EditGraph.Select(frames)},scale={PhoneWidth}:{PhoneHeight(crop!)}:flags=area,format=rgb24[pm]");
                encoders.AddRange(new[] { "-map", "[pm]" }.Concat(Passthrough).Concat(new[] { "-f", "rawvideo", System.IO.Path.Combine(work, "phone.rgb") }));
            }
            else
            {
                graph.Add($"[v{i}]{body}[o{i}]");
            }

            args.AddRange(new[] { "-map", $"[o{i}]", "-map", "2:a", "-r", fps });
            args.AddRange(Arguments(target));
            args.Add(path);
        }

        graph.Add("[vm]" + EditGraph.Select(ShotSampling.TimelineFrames(timeline)) + "," + ShotSampling.Scale(timeline.Size) + "[meas]");
        var middles = timeline.Entries.Select(e => e.StartFrame + (e.Frames / 2));
        graph.Add("[vs]" + EditGraph.Select(middles) + ",format=rgb24[stills]");
        args.AddRange(encoders);
        args.AddRange(new[] { "-map", "[stills]" }.Concat(Passthrough).Concat(new[] { "-c:v", "png", "-f", "image2", System.IO.Path.Combine(work, "still-%02d.png") }));
        args.AddRange(new[] { "-map", "[meas]" }.Concat(Passthrough).Concat(new[] { "-f", "rawvideo", "-" }));
        var filter = string.Join(";", graph);
        return (filter + "\n" + fps, inputs.Append("-filter_complex").Append(filter).Concat(args).ToList(), lists);
    }

    /// <summary>What a run of <paramref name="stream"/> needs on disk: its work folder with the input lists, and each output's folder.</summary>
    internal static void Prepare((string Graph, List<string> Arguments, IReadOnlyList<ConcatInput> Lists) stream, IReadOnlyList<(ExportTarget Target, string Path)> outputs, string work)
    {
        Directory.CreateDirectory(work);
        foreach (var list in stream.Lists)
        {
            list.Write();
        }

        foreach (var (_, path) in outputs)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        }
    }

    private static double RmsContrast(IEnumerable<RgbImage> frames)
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
