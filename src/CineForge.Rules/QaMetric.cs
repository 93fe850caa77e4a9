using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>Which side of its threshold a QA measurement must stay on.</summary>
public enum QaBound
{
    /// <summary>Passes when the measured value is at most the limit.</summary>
    AtMost,

    /// <summary>Passes when the measured value is at least the limit.</summary>
    AtLeast,
}

/// <summary>One measured QA check on rendered frames or sound.</summary>
public sealed class QaMetric
{
    internal QaMetric(string id, string title, string measures, string why, string unit, QaBound bound, double limit, bool major, string? ruleId = null, string? shortName = null, double noise = 0)
    {
        Id = id;
        Short = shortName ?? title;
        Noise = noise;
        Title = title;
        Measures = measures;
        Why = why;
        Unit = unit;
        Bound = bound;
        Limit = limit;
        Major = major;
        RuleId = ruleId;
    }

    /// <summary>"QA01".</summary>
    public string Id { get; }

    /// <summary>Short title.</summary>
    public string Title { get; }

    /// <summary>One or two words for a log line: "flicker".</summary>
    public string Short { get; }

    /// <summary>
    /// How much the measure moves between re-renders of one take (only the grain and the light's
    /// breathing drawn anew), in <see cref="Unit"/>: a difference between two takes no larger than this
    /// says nothing about them. Measured by <c>QaNoiseTests</c>; 0 where a re-render cannot move it.
    /// </summary>
    public double Noise { get; }

    /// <summary>What is measured, and how.</summary>
    public string Measures { get; }

    /// <summary>The method's reason.</summary>
    public string Why { get; }

    /// <summary>Unit of the measured value.</summary>
    public string Unit { get; }

    /// <summary>Which side of <see cref="Limit"/> passes.</summary>
    public QaBound Bound { get; }

    /// <summary>The threshold.</summary>
    public double Limit { get; }

    /// <summary>A failure of a major check rejects the take after the allowed correction passes.</summary>
    public bool Major { get; }

    /// <summary>The CF rule this measurement backs, when there is one.</summary>
    public string? RuleId { get; }

    /// <summary>True when <paramref name="value"/> is on the passing side of the threshold.</summary>
    public bool Passes(double value) => Bound == QaBound.AtMost ? value <= Limit : value >= Limit;

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Title;
}

/// <summary>The QA checks of RULES.md with their thresholds. The runtime measures; this table judges.</summary>
public static class QaMetrics
{
    /// <summary>Flicker: frame-to-frame instability of luminance.</summary>
    public static readonly QaMetric Flicker = new(RuleIds.QA01, "Temporal flicker and instability",
        "Standard deviation of the frame-to-frame change of mean luma after removing the slow trend (camera moves, light breathing), in 8-bit code values.",
        "Unstable faces and crawling textures: temporal consistency high.", "code values", QaBound.AtMost, 1.5, major: true, shortName: "flicker", noise: 0.005);

    /// <summary>Edge artifacts on 200% border crops.</summary>
    public static readonly QaMetric EdgeArtifacts = new(RuleIds.QA02, "Artifacts at the frame edges",
        "High-frequency energy of the frame borders (200% crops) relative to the frame interior.",
        "\"Forgetting the edges of the frame\": artifacts visible at export. Systematic 200% check.", "ratio", QaBound.AtMost, 2.0, major: true, shortName: "edge artifacts", noise: 0.01);

    /// <summary>Colour cast of one shot.</summary>
    public static readonly QaMetric ColourCast = new(RuleIds.QA03, "Colour cast and shot-to-shot continuity",
        "Distance in CIELAB a*b* units from the mean colour to the nearest colour the film asks for (a segment from neutral to each charter palette colour, and to the look's lean on grey): the plain chroma (grey world) when it asks for none; across shots, the a*b* distance between consecutive shots' means.",
        "One shot pulls cyan, the other magenta: neutralize first, look next.", "ΔE(ab)", QaBound.AtMost, 12, major: false, shortName: "colour cast", noise: 0.03);

    /// <summary>Over-sharpness.</summary>
    public static readonly QaMetric OverSharpness = new(RuleIds.QA04, "Over-sharpness",
        "Mean absolute Laplacian of luma relative to the luma standard deviation (acutance index).",
        "Too much sharpness: a video-game render.", "index", QaBound.AtMost, 0.25, major: false, shortName: "over-sharpness", noise: 0.0005);

    /// <summary>Integrated loudness of each stem and the mix.</summary>
    public static readonly QaMetric StemLoudness = new(RuleIds.QA05, "Integrated loudness (EBU R128)",
        "Distance in LU between a stem's measured integrated loudness and its target.",
        "Ambience at -24 LUFS, effects at -18/-14, music under them: measured, not assumed.", "LU", QaBound.AtMost, Loudness.Tolerance, major: false, RuleIds.CF0701, shortName: "loudness");

    /// <summary>Motion energy against the declared motion strength.</summary>
    public static readonly QaMetric MotionEnergy = new(RuleIds.QA06, "Motion energy against declared strength",
        "Ratio of measured mean optical displacement to the displacement the declared motion strength and camera move imply.",
        "Too much movement: a demonstrative camera.", "ratio", QaBound.AtMost, 1.6, major: true, shortName: "motion energy", noise: 0.015);

    /// <summary>Visual noise in the ad's last seconds.</summary>
    public static readonly QaMetric CtaNoise = new(RuleIds.QA07, "Visual noise in the CTA window",
        "Temporal plus fine-scale spatial noise in the last " + NumericRange.Format(Recommended.CtaWindowSeconds) + " s of an ad, in 8-bit code values.",
        "The CTA does not land: reduce the visual noise in the last 3 seconds.", "code values", QaBound.AtMost, 6, major: false, shortName: "CTA noise", noise: 0.005);

    /// <summary>Mobile check: contrast after downscale.</summary>
    public static readonly QaMetric MobileContrast = new(RuleIds.QA08, "Mobile contrast and detail",
        "RMS contrast of luma (0..1) after a 9:16 crop downscaled to a 360 px wide phone frame.",
        "The mobile render looks cheap: review the local contrast and global sharpness.", "RMS contrast", QaBound.AtLeast, 0.08, major: false, shortName: "mobile contrast", noise: 0.0005);

    /// <summary>Background brighter than the subject.</summary>
    public static readonly QaMetric BackgroundVsSubject = new(RuleIds.QA09, "Background brighter than the subject",
        "Mean luma of the background divided by mean luma of the subject region.",
        "The background attracts more than the subject: lower the set's luminance, raise the subject.", "ratio", QaBound.AtMost, 1.25, major: false, shortName: "background vs subject", noise: 0.0005);

    /// <summary>Face identity drift: the lead's face within the shot and against the character sheet.</summary>
    public static readonly QaMetric FaceIdentity = new(RuleIds.QA10, "Face identity drift",
        "Cosine distance between face embeddings: the larger of the face's drift within the shot (from the shot's mean face) and of the shot's mean face from the character sheet's face.",
        "The character loses their identity: lock the descriptors and the clothing.", "cosine distance", QaBound.AtMost, 0.35, major: true, shortName: "face drift", noise: 0.001);

    /// <summary>The subject inside the distribution crop (9:16), per frame.</summary>
    public static readonly QaMetric SubjectInCrop = new(RuleIds.QA11, "Subject inside the distribution crop",
        "Share of a shot's frames whose subject box (as the render knows it, in frame pixels after the camera move) lies inside the 9:16 window of the mobile export; a subject wider than the window counts when the window lies on it.",
        "A validated mobile version: the crop keeps what the shot is about.", "% of frames", QaBound.AtLeast, 95, major: false, shortName: "subject in crop", noise: 0);

    /// <summary>Product appearance drift: the product's colour in each shot that shows it, against its sheet and across shots.</summary>
    public static readonly QaMetric ProductAppearance = new(RuleIds.QA12, "Product appearance drift",
        "CIE76 ΔE between the product's mean L*a*b* colour inside the body of its recorded subject box (the middle of the box: the cap, the edges and the set around it left out) and the product sheet's, drawn in the shot's light and set; across shots, the ΔE between the mean colours of every two shots that show the product.",
        "Consistent bottle reflections: the product must not change colour between the hook and the call to action. Lock it with a product sheet.", "ΔE(76)", QaBound.AtMost, ProductAppearanceTolerance, major: false, RuleIds.CF0305, shortName: "product drift", noise: 0.05);

    /// <summary>All QA checks, by id.</summary>
    public static readonly IReadOnlyList<QaMetric> All = new[] { Flicker, EdgeArtifacts, ColourCast, OverSharpness, StemLoudness, MotionEnergy, CtaNoise, MobileContrast, BackgroundVsSubject, FaceIdentity, SubjectInCrop, ProductAppearance };

    /// <summary>
    /// The order in which selection compares two takes of a shot, after the count of failing checks: the
    /// method's A/B criteria, face and hand stability first (identity, the product's identity, flicker, the edges where hands and
    /// props break), then motion cleanliness, then the light serving the subject, then texture and colour,
    /// then how the take reads on a phone and in the CTA window. The first measure whose difference
    /// exceeds its <see cref="QaMetric.Noise"/> decides; when none does, the takes tie and A is kept.
    /// </summary>
    public static readonly IReadOnlyList<QaMetric> SelectionOrder = new[] { FaceIdentity, ProductAppearance, Flicker, EdgeArtifacts, MotionEnergy, BackgroundVsSubject, OverSharpness, ColourCast, MobileContrast, CtaNoise };

    /// <summary>
    /// QA12's tolerance, in CIE76 ΔE: two renders of one product sheet stay well inside it (the glass
    /// shows a little of the set behind it, and the light changes between shots), while a product
    /// described in other words (a white bottle against an amber one) lies far outside it.
    /// </summary>
    public const double ProductAppearanceTolerance = 10;

    /// <summary>The check with id <paramref name="id"/>.</summary>
    public static QaMetric Get(string id) => All.First(m => m.Id == id);

    /// <summary>
    /// QA06: smallest implied displacement a clip is judged against, as a fraction of the frame
    /// width per frame, so a static shot's ratio stays finite: measurement noise on a still picture
    /// stays well under it.
    /// </summary>
    public const double MotionEnergyFloor = 0.0004;
}
