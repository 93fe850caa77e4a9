using CineForge.Rules;

namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>One measured QA value judged against the catalog's threshold.</summary>
/// <param name="Id">"QA01".</param>
/// <param name="Value">The measurement, in the metric's unit.</param>
/// <param name="Limit">The catalog's threshold.</param>
/// <param name="Bound">Which side of the limit passes.</param>
/// <param name="Major">A major failure rejects the take after the correction passes.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>.</param>
public sealed record QaScore(string Id, double Value, double Limit, QaBound Bound, bool Major, string Unit)
{
    /// <summary>Judges <paramref name="value"/> with <paramref name="metric"/>.</summary>
    public static QaScore Of(QaMetric metric, double value) => new(metric.Id, Math.Round(value, 4), metric.Limit, metric.Bound, metric.Major, metric.Unit);

    /// <summary>True when the value is on the passing side.</summary>
    public bool Passed => Bound == QaBound.AtMost ? Value <= Limit : Value >= Limit;

    /// <summary>How far along the way to the limit the value is: 1 at the limit, above 1 failing.</summary>
    public double Severity => Bound == QaBound.AtMost ? Value / Limit : Limit / Math.Max(Value, 1e-9);

    /// <summary>"QA01 1.62 code values > 1.5 (major)".</summary>
    public override string ToString() =>
        $"{Id} {Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} {Unit} {(Passed ? "ok" : Bound == QaBound.AtMost ? "> " : "< ")}{(Passed ? string.Empty : Limit.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))}{(Major && !Passed ? " (major)" : string.Empty)}";
}

/// <summary>The QA measurements of one clip, plus the mean colour for shot-to-shot continuity (QA03).</summary>
/// <param name="Scores">One score per measured metric, in catalog order.</param>
/// <param name="MeanA">Mean CIELAB a* of the clip.</param>
/// <param name="MeanB">Mean CIELAB b* of the clip.</param>
/// <param name="Frames">Frames measured.</param>
public sealed record QaReport(IReadOnlyList<QaScore> Scores, double MeanA, double MeanB, int Frames)
{
    /// <summary>The subject's box in every frame measured, in the clip's frame pixels; null when the backend only guessed it.</summary>
    public Animate.SubjectTrack? Subject { get; init; }

    /// <summary>
    /// The clip's mean face as a recognizer embeds it (QA10 on a model backend's pictures), for the
    /// comparison across a character's shots; null where no recognizer ran (the previz holds every
    /// shot's face to the character sheet instead).
    /// </summary>
    public IReadOnlyList<float>? Face { get; init; }

    /// <summary>The product's mean colour inside its subject box (QA12), for the comparison across shots; null when the clip is not an object detail of the film's product.</summary>
    public Imaging.Lab? Product { get; init; }

    /// <summary>The failing major checks.</summary>
    public IEnumerable<QaScore> MajorFailures => Scores.Where(s => s.Major && !s.Passed);

    /// <summary>The failing checks.</summary>
    public IEnumerable<QaScore> Failures => Scores.Where(s => !s.Passed);

    /// <summary>The score of metric <paramref name="id"/>, or null when it was not measured.</summary>
    public QaScore? this[string id] => Scores.FirstOrDefault(s => s.Id == id);
}
