namespace CineForge.Rules;

/// <summary>The visual transition rule between two consecutive shots.</summary>
public static class Continuity
{
    /// <summary>Dimensions compared at each cut, in the method's words.</summary>
    public static readonly string[] Dimensions = { "gaze axis", "light direction", "grain density", "contrast level", "apparent speed" };

    /// <summary>Number of dimensions that may change together at a cut before the cut reads as fake.</summary>
    public const int MaxChangesPerCut = 2;

    /// <summary>Grain amount difference (0..1) that counts as a change of grain density.</summary>
    public const double GrainDensityStep = 0.03;

    /// <summary>Motion strength difference (0..1) that counts as a change of apparent speed.</summary>
    public const double ApparentSpeedStep = 0.15;

    /// <summary>Measured light balance ((right − left) / (right + left) of mean luma) beyond which a shot reads as lit from one side.</summary>
    public const double MeasuredLightSide = 0.04;

    /// <summary>Difference of measured luma spread (10th to 90th percentile, 0..1) that counts as a change of contrast level.</summary>
    public const double MeasuredContrastStep = 0.15;

    /// <summary>Ratio of measured fine detail (mean absolute Laplacian of luma) that counts as a change of grain density.</summary>
    public const double MeasuredGrainRatio = 1.6;

    /// <summary>Difference of measured frame-to-frame luma change (0..1, frames sampled at <see cref="MeasurementFps"/>) that counts as a change of apparent speed.</summary>
    public const double MeasuredSpeedStep = 0.03;

    /// <summary>Frames per second sampled from each rendered shot to measure it.</summary>
    public const double MeasurementFps = 6;
}
