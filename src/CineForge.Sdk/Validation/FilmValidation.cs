using CineForge.Rules;
using CineForge.Validation;

namespace CineForge;

public static partial class FilmExtensions
{
    /// <summary>
    /// Every rule violation of the catalog that the plan shows, as diagnostics with rule id,
    /// severity, message and shot. Empty for a film that follows the method.
    /// </summary>
    public static IReadOnlyList<PlanDiagnostic> Validate(this Film film) => PlanValidator.Validate(Guard.NotNull(film, nameof(film)));

    /// <summary>True when <see cref="Validate"/> finds no error-severity violation.</summary>
    public static bool IsRenderable(this Film film) => film.Validate().All(d => d.Severity != RuleSeverity.Error);
}
