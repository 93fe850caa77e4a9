namespace CineForge.Validation;

/// <summary>Runs every family's checks over a plan, in family order.</summary>
internal static class PlanValidator
{
    private static readonly IPlanCheck[] Checks =
    {
        new KeyframeChecks(),
        new MotionChecks(),
        new ContinuityChecks(),
        new SelectionChecks(),
        new StoryChecks(),
        new GradeChecks(),
        new SoundChecks(),
        new ExportChecks(),
    };

    public static IReadOnlyList<PlanDiagnostic> Validate(Film film) => Checks.SelectMany(c => c.Check(film)).ToList();
}
