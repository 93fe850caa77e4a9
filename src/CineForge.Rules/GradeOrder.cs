using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>The method's grade order: exposure → soft contrast → secondary skin → harmonization → fine grain.</summary>
public static class GradeOrder
{
    /// <summary>The primary steps, in the only order the method allows.</summary>
    public static readonly IReadOnlyList<GradeStepKind> Primary = new[]
    {
        GradeStepKind.Exposure,
        GradeStepKind.SoftContrast,
        GradeStepKind.SecondarySkin,
        GradeStepKind.Harmonize,
        GradeStepKind.Grain,
    };

    /// <summary>Creative steps that must come after exposure (CF0601) and after harmonization (CF0606).</summary>
    public static readonly IReadOnlyList<GradeStepKind> Looks = new[] { GradeStepKind.Lut, GradeStepKind.Look };

    /// <summary>"exposure → soft contrast → secondary skin → harmonization → fine grain".</summary>
    public static string Describe() => string.Join(" → ", Primary.Select(DisplayName));

    /// <summary>Position of a primary step in the order, or -1 for a creative step.</summary>
    public static int RankOf(GradeStepKind kind)
    {
        for (var i = 0; i < Primary.Count; i++)
        {
            if (Primary[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True for a LUT or a look.</summary>
    public static bool IsLook(GradeStepKind kind) => kind == GradeStepKind.Lut || kind == GradeStepKind.Look;

    /// <summary>Lower-case name as messages write it.</summary>
    public static string DisplayName(GradeStepKind kind) => kind switch
    {
        GradeStepKind.Exposure => "exposure",
        GradeStepKind.SoftContrast => "soft contrast",
        GradeStepKind.SecondarySkin => "secondary skin",
        GradeStepKind.Harmonize => "harmonization",
        GradeStepKind.Grain => "fine grain",
        GradeStepKind.Lut => "LUT",
        GradeStepKind.Look => "look",
        GradeStepKind.Sharpen => "sharpen",
        _ => kind.ToString(),
    };
}
