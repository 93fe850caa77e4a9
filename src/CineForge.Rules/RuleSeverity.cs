namespace CineForge.Rules;

/// <summary>How hard a rule pushes back. Maps one to one onto Roslyn's DiagnosticSeverity.</summary>
public enum RuleSeverity
{
    /// <summary>Advice: worth knowing, never blocks.</summary>
    Info = 1,

    /// <summary>A departure from the method that usually shows on screen.</summary>
    Warning = 2,

    /// <summary>Breaks the method outright: the build (and the render) stops.</summary>
    Error = 3,
}
