namespace CineForge.Validation;

/// <summary>The run-time checks of one rule family.</summary>
internal interface IPlanCheck
{
    IEnumerable<PlanDiagnostic> Check(Film film);
}

/// <summary>Names the subjects of messages the same way everywhere.</summary>
internal static class Subject
{
    public static string Of(Shot shot, int index) => Rules.Subjects.Shot(index, shot.Name);

    public static string Of(Film film) => Rules.Subjects.Film(film.Title);
}
