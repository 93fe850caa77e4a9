using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>The settings an A/B variant can change, as CF0402 names them, in the order it lists them.</summary>
public static class VariantSettings
{
    /// <summary>"seed", "motion", ...; each is the lower-case name of its setter.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "seed", "motion", "duration", "camera", "cfg", "steps", "denoise", "light" };
}
