using System.Globalization;

namespace CineForge.Rules;

/// <summary>
/// How rule messages name their subject ({0}): run-time validation and the analyzers write it the
/// same way. The analyzers fall back to the shorter forms when a shot's place in the film or a
/// name is not a compile-time constant.
/// </summary>
public static class Subjects
{
    /// <summary>"Shot #2 'waits'": the shot at zero-based <paramref name="index"/> of a film.</summary>
    public static string Shot(int index, string name) => "Shot #" + (index + 1).ToString(CultureInfo.InvariantCulture) + " '" + name + "'";

    /// <summary>"Shot 'waits'": a shot whose place in a film is not known.</summary>
    public static string Shot(string name) => "Shot '" + name + "'";

    /// <summary>"Shot #2": a shot whose name is not known.</summary>
    public static string Shot(int index) => "Shot #" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A shot known by nothing but its code.</summary>
    public const string AnyShot = "This shot";

    /// <summary>"Film 'Clean'".</summary>
    public static string Film(string title) => "Film '" + title + "'";

    /// <summary>A film whose title is not known.</summary>
    public const string AnyFilm = "This film";
}
