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
}
