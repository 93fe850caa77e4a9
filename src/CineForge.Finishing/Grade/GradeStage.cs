using System.Globalization;
using System.Text;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Grade;

/// <summary>The graded cut, and what the grade measured and did.</summary>
/// <param name="VideoPath">The graded cut, lossless, no sound.</param>
/// <param name="Plan">The chain as applied.</param>
/// <param name="Harmonization">Harmonization figures, when the chain harmonizes.</param>
/// <param name="Before">Each shot's mean colour before the grade.</param>
/// <param name="After">Each shot's statistics after the grade.</param>
public sealed record GradeResult(string VideoPath, GradePlan Plan, Harmonization? Harmonization, IReadOnlyList<Rgb> Before, IReadOnlyList<ClipStatistics> After);

/// <summary>
/// Grades the cut in the method's order in one filter graph: every shot gets its own Hald CLUT (the
/// baked colour steps, with its harmonization gains), then the spatial steps run on the whole cut,
/// grain last.
/// </summary>
public sealed class GradeStage
{
    /// <summary>Grain amount (0..1) to FFmpeg <c>noise</c> strength: the default light grain 0.04 gives strength 6.</summary>
    internal const double NoiseStrengthPerGrain = 150;

    /// <summary>Sharpen amount (0..1) to <c>unsharp</c> luma amount.</summary>
    internal const double UnsharpPerSharpen = 1.5;

    private const int HarmonizeSampleWidth = 96;
    private const double HarmonizeSampleFps = 2;

    /// <summary>Grades <paramref name="edit"/> with <paramref name="request"/>'s chain.</summary>
    /// <exception cref="FinishingException">The chain is out of order or its LUT is invalid; nothing is written.</exception>
    public GradeResult Run(FinishingRequest request, EditResult edit, StageCache cache, CancellationToken cancellationToken = default)
    {
        var plan = GradePlan.From(request.Film, request.Resolve);
        var timeline = edit.Timeline;
        var primary = new ColourMap(plan);
        Harmonization? harmonization = null;
        var sampleHeight = Math.Max(2, (int)Math.Round(HarmonizeSampleWidth * (double)timeline.Size.Height / timeline.Size.Width / 2) * 2);
        if (plan.Harmonize is { } amount)
        {
            var means = timeline.Entries.Select(e => cache.Measure(
                "grade",
                ArtefactKey.For("harmonize-mean-1").Add("cut", Path.GetFileName(edit.VideoPath)).Add("startFrame", e.StartFrame).Add("frames", e.Frames).Add("fps", timeline.Fps).Add("sample", $"{HarmonizeSampleWidth}x{sampleHeight}@{HarmonizeSampleFps}").Add("exposure", plan.ExposureStops).Add("softContrast", plan.SoftContrast).Add("secondarySkin", plan.SecondarySkin).Hash(),
                () => MeanAfter(FrameSampler.Sample(request.Ffmpeg, edit.VideoPath, e.Start(timeline.Fps), e.Duration(timeline.Fps), HarmonizeSampleWidth, sampleHeight, HarmonizeSampleFps), primary.Primary))).ToList();
            harmonization = Harmonizer.Compute(means, amount);
        }

        var maps = timeline.Entries.Select((_, i) => new ColourMap(plan, harmonization?.Gains[i])).ToList();
        var lutHash = plan.Look is { } look ? StageCache.HashFile(look.Lut.Path) : null;
        var cluts = maps.Select((map, i) =>
        {
            var gains = harmonization?.Gains[i];
            var key = ArtefactKey.For("hald").Add("level", HaldClut.DefaultLevel).Add("exposure", plan.ExposureStops).Add("softContrast", plan.SoftContrast)
                .Add("secondarySkin", plan.SecondarySkin).Add("harmonize", plan.Harmonize)
                .Add("gains", gains is { } g ? new[] { g.R, g.G, g.B } : null).Add("lut", lutHash).Add("lutStrength", plan.Look?.Strength).Hash();
            return cache.GetOrCreate("grade", key, ".ppm", path => HaldClut.Write(path, map.Apply));
        }).ToList();

        var videoKey = ArtefactKey.For("graded").Add("ffmpeg", request.Ffmpeg.Version).AddFile("cut", edit.VideoPath).Add("sharpen", plan.Sharpen).Add("grain", plan.Grain).Add("noisePerGrain", NoiseStrengthPerGrain)
            .Add("cluts", cluts.Select(Path.GetFileName).ToArray())
            .Add("shots", timeline.Entries.Select(e => e.StartFrame + ":" + e.Frames).ToArray()).Hash();
        var graded = cache.GetOrCreate("grade", videoKey, ".mkv", output => Render(request.Ffmpeg, edit, plan, cluts, output, cancellationToken));

        var measureHeight = Math.Max(2, (int)Math.Round(EditStage.MeasureWidth * (double)timeline.Size.Height / timeline.Size.Width / 2) * 2);
        var after = timeline.Entries
            .Select(e => cache.Measure("grade", EditStage.StatisticsKey(graded, e, timeline.Fps, measureHeight), () =>
                ClipStatistics.Measure(FrameSampler.Sample(request.Ffmpeg, graded, e.Start(timeline.Fps), e.Duration(timeline.Fps), EditStage.MeasureWidth, measureHeight, Continuity.MeasurementFps))))
            .ToList();
        return new GradeResult(graded, plan, harmonization, edit.Statistics.Select(s => s.MeanColour).ToList(), after);
    }

    /// <summary>
    /// The filter graph for <paramref name="shots"/> shots: inputs 0..n-1 are the shots' segments of the
    /// cut (each its own seek, so no shot waits in memory for another), inputs n..2n-1 their Hald CLUTs;
    /// then sharpen and grain on the whole cut. The lookup runs on 8-bit RGB: twice as fast as 16-bit
    /// here, and the grain that follows hides any step.
    /// </summary>
    internal static string FilterGraph(Timeline timeline, GradePlan plan, int shots)
    {
        var graph = new StringBuilder();
        for (var i = 0; i < shots; i++)
        {
            var e = timeline.Entries[i];
            graph.Append($"[{i}:v]trim=end_frame={e.Frames},setpts=PTS-STARTPTS,format=rgb24[t{i}];")
                .Append($"[{shots + i}:v]format=rgb24[c{i}];[t{i}][c{i}]haldclut=interp=tetrahedral[g{i}];");
        }

        for (var i = 0; i < shots; i++)
        {
            graph.Append($"[g{i}]");
        }

        graph.Append($"concat=n={shots}:v=1:a=0,format=yuv444p");
        if (plan.Sharpen is { } sharpen)
        {
            graph.Append(CultureInfo.InvariantCulture, $",unsharp=5:5:{sharpen * UnsharpPerSharpen:0.###}:5:5:0");
        }

        if (plan.Grain is { } grain && grain > 0)
        {
            // Luma-only, temporal and uniform: fine, homogeneous grain that changes every frame.
            graph.Append(CultureInfo.InvariantCulture, $",noise=c0s={grain * NoiseStrengthPerGrain:0.##}:c0f=t+u");
        }

        graph.Append("[out]");
        return graph.ToString();
    }

    private static void Render(FfmpegTool ffmpeg, EditResult edit, GradePlan plan, IReadOnlyList<string> cluts, string output, CancellationToken cancellationToken)
    {
        var timeline = edit.Timeline;
        var args = new List<string>();
        foreach (var entry in timeline.Entries)
        {
            // A quarter frame early: container timestamps are rounded to milliseconds.
            args.AddRange(new[] { "-ss", FrameSampler.F(Math.Max(0, (entry.StartFrame - 0.25) / timeline.Fps)), "-i", edit.VideoPath });
        }

        foreach (var clut in cluts)
        {
            args.AddRange(new[] { "-i", clut });
        }

        args.AddRange(new[] { "-filter_complex", FilterGraph(timeline, plan, cluts.Count), "-map", "[out]", "-r", timeline.Fps.ToString(CultureInfo.InvariantCulture) });
        args.AddRange(Intermediate.VideoArguments);
        args.AddRange(new[] { "-f", "matroska", output });
        ffmpeg.Run(args, "Grade", cancellationToken);
    }

    private static Rgb MeanAfter(IReadOnlyList<RgbImage> frames, Func<Rgb, Rgb> map)
    {
        double r = 0, g = 0, b = 0;
        long count = 0;
        foreach (var frame in frames)
        {
            for (var y = 0; y < frame.Height; y++)
            {
                for (var x = 0; x < frame.Width; x++)
                {
                    var c = map(frame.At(x, y));
                    r += c.R;
                    g += c.G;
                    b += c.B;
                    count++;
                }
            }
        }

        return new Rgb(r / count, g / count, b / count);
    }
}
