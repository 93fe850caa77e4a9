using System.Globalization;
using System.Text;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Media;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Imaging;

namespace CineForge.Finishing.Grade;

/// <summary>The grade as planned and measured.</summary>
/// <param name="Plan">The chain as applied.</param>
/// <param name="Harmonization">Harmonization figures, when the chain harmonizes.</param>
/// <param name="Cluts">Each entry's Hald CLUT (the baked colour steps with its harmonization gains), content-addressed in the store.</param>
/// <param name="Before">Each shot's mean colour before the grade.</param>
public sealed record GradeResult(GradePlan Plan, Harmonization? Harmonization, IReadOnlyList<string> Cluts, IReadOnlyList<Rgb> Before)
{
    /// <summary>Each shot's statistics after the grade, measured in the finishing stream on the graded frames.</summary>
    public IReadOnlyList<ClipStatistics> After { get; init; } = [];

    /// <summary>Each shot's middle frame after the grade, full size (PNG), taken in the finishing stream for the report's 200% crops.</summary>
    public IReadOnlyList<string> Stills { get; init; } = [];
}

/// <summary>
/// Plans the grade in the method's order: every shot gets its own Hald CLUT (the baked colour steps,
/// with its harmonization gains), then the spatial steps run on the whole cut, grain last. The pixels
/// are graded inside the finishing stream (<see cref="FilterGraph"/>), never in a pass of their own.
/// </summary>
public sealed class GradeStage
{
    /// <summary>Grain amount (0..1) to FFmpeg <c>noise</c> strength: the default light grain 0.04 gives strength 6.</summary>
    internal const double NoiseStrengthPerGrain = 150;

    /// <summary>Sharpen amount (0..1) to <c>unsharp</c> luma amount.</summary>
    internal const double UnsharpPerSharpen = 1.5;

    /// <summary>Plans the grade of <paramref name="edit"/> with <paramref name="request"/>'s chain and writes each shot's Hald CLUT.</summary>
    /// <exception cref="FinishingException">The chain is out of order or its LUT is invalid; nothing is written.</exception>
    public GradeResult Run(FinishingRequest request, EditResult edit, StageCache cache, CancellationToken cancellationToken = default)
    {
        var plan = GradePlan.From(request.Film, request.Resolve);
        var timeline = edit.Timeline;
        var primary = new ColourMap(plan);
        Harmonization? harmonization = null;
        if (plan.Harmonize is { } amount)
        {
            // Measured on the same frames as the shot statistics, through the primary steps only.
            var means = timeline.Entries.Select((e, i) => cache.Measure(
                "grade",
                ArtefactKey.For("harmonize-mean-2").Add("statistics", EditStage.StatisticsKey(edit.Key, e, timeline)).Add("exposure", plan.ExposureStops).Add("softContrast", plan.SoftContrast).Add("secondarySkin", plan.SecondarySkin).Hash(),
                () =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return MeanAfter(edit.Samples.Of(i), primary.Primary);
                })).ToList();
            harmonization = Harmonizer.Compute(means, amount);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var maps = timeline.Entries.Select((_, i) => new ColourMap(plan, harmonization?.Gains[i])).ToList();
        var lutHash = plan.Look is { } look ? StageCache.HashFile(look.Lut.Path) : null;
        var cluts = maps.Select((map, i) =>
        {
            var gains = harmonization?.Gains[i];
            var key = ArtefactKey.For("hald").Add("level", HaldClut.DefaultLevel).Add("exposure", plan.ExposureStops).Add("softContrast", plan.SoftContrast)
                .Add("secondarySkin", plan.SecondarySkin).Add("harmonize", plan.Harmonize)
                .Add("gains", gains is { } g ? new[] { g.R, g.G, g.B } : null).Add("lut", lutHash).Add("lutStrength", plan.Look?.Strength).Hash();
            // A CLUT takes up to seconds to bake: an interrupt is heard between shots and inside a bake.
            cancellationToken.ThrowIfCancellationRequested();
            return cache.GetOrCreate("grade", key, ".ppm", path => HaldClut.Write(path, map.Apply, cancellationToken: cancellationToken));
        }).ToList();
        return new GradeResult(plan, harmonization, cluts, edit.Statistics.Select(s => s.MeanColour).ToList());
    }

    /// <summary>The CLUTs' input arguments: each entry's Hald CLUT (<paramref name="cluts"/>), in playing order, listed in <paramref name="listPath"/> (<see cref="FilterGraph"/> times them).</summary>
    internal static ConcatInput ClutInput(IReadOnlyList<string> cluts, string listPath) => new(listPath, cluts);

    /// <summary>
    /// The grade's part of the finishing stream: the cut <paramref name="cut"/> through each shot's Hald
    /// CLUT (input <paramref name="clutInput"/>, <see cref="ClutInput"/>: CLUT i is timed to start at
    /// entry i's first frame, so one <c>haldclut</c> grades every shot with its own), then sharpen and
    /// grain on the whole cut, to <paramref name="output"/>. The lookup runs on 8-bit RGB: twice as fast
    /// as 16-bit here, and the grain that follows hides any step.
    /// </summary>
    internal static string FilterGraph(Timeline timeline, GradePlan plan, string cut, int clutInput, string output = "out")
    {
        var graph = new StringBuilder();
        var starts = new StringBuilder();
        for (var i = 1; i < timeline.Entries.Count; i++)
        {
            starts.Append(CultureInfo.InvariantCulture, $"if(eq(N\\,{i})\\,{timeline.Entries[i].StartFrame}\\,");
        }

        starts.Append('0').Append(')', Math.Max(0, timeline.Entries.Count - 1));
        graph.Append(CultureInfo.InvariantCulture, $"[{cut}]format=rgb24[cutrgb];[{clutInput}:v]settb=1/{timeline.Fps},setpts={starts},format=rgb24[cluts];");
        graph.Append("[cutrgb][cluts]haldclut=interp=tetrahedral,format=yuv444p");
        if (plan.Sharpen is { } sharpen)
        {
            graph.Append(CultureInfo.InvariantCulture, $",unsharp=5:5:{sharpen * UnsharpPerSharpen:0.###}:5:5:0");
        }

        if (plan.Grain is { } grain && grain > 0)
        {
            // Luma-only, temporal and uniform: fine, homogeneous grain that changes every frame.
            graph.Append(CultureInfo.InvariantCulture, $",noise=c0s={grain * NoiseStrengthPerGrain:0.##}:c0f=t+u");
        }

        graph.Append('[').Append(output).Append(']');
        return graph.ToString();
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
