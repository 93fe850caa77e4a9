using CineForge.Rules;

namespace CineForge;

/// <summary>One export target.</summary>
/// <param name="Kind">Master, web or mobile.</param>
/// <param name="HighlightCeiling">Peak white as a fraction of full scale (1 = none kept; distribution exports keep headroom).</param>
public sealed record ExportTarget(ExportKind Kind, double HighlightCeiling)
{
    /// <summary>True when the target keeps highlight headroom.</summary>
    public bool HasHeadroom => HighlightCeiling < 1;

    /// <summary>The master's codec; null for a distribution export (H.264).</summary>
    public MasterCodec? Codec { get; init; }
}

/// <summary>Master, then distribution exports.</summary>
public sealed record ExportSet
{
    /// <summary>No export declared.</summary>
    public static ExportSet Empty { get; } = new();

    /// <summary>The targets, in the order declared.</summary>
    public ValueList<ExportTarget> Targets { get; init; } = ValueList<ExportTarget>.Empty;

    /// <summary>True when a target of <paramref name="kind"/> is declared.</summary>
    public bool Has(ExportKind kind) => Targets.Any(t => t.Kind == kind);

    internal ExportSet With(ExportTarget target) => this with { Targets = ValueList<ExportTarget>.From(Targets.Where(t => t.Kind != target.Kind).Append(target)) };
}

/// <summary>Fluent setters of <see cref="ExportSet"/>.</summary>
public static class ExportSetExtensions
{
    /// <summary>The high-quality master, graded at full scale, in <paramref name="codec"/> (ProRes 422 HQ unless another is named).</summary>
    public static ExportSet Master(this ExportSet exports, MasterCodec codec = MasterCodec.ProRes422Hq)
        => exports.With(new ExportTarget(ExportKind.Master, 1) { Codec = Guard.Defined(codec, nameof(codec)) });

    /// <summary>Web distribution, 16:9, with highlight headroom unless <paramref name="headroom"/> is false.</summary>
    public static ExportSet Web(this ExportSet exports, bool headroom = true) => exports.With(new ExportTarget(ExportKind.Web, headroom ? Recommended.DistributionHighlightCeiling : 1));

    /// <summary>Mobile distribution, 9:16 with a subject-aware crop, with highlight headroom unless <paramref name="headroom"/> is false.</summary>
    public static ExportSet Mobile(this ExportSet exports, bool headroom = true) => exports.With(new ExportTarget(ExportKind.Mobile, headroom ? Recommended.DistributionHighlightCeiling : 1));
}
