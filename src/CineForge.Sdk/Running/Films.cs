using CineForge.Rules;

namespace CineForge;

/// <summary>
/// Hands a script's films to whatever runs it. Under <c>cineforge</c> the command checks, plans or
/// renders them; run on its own (<c>dotnet run film.cs</c>) the films are validated and their
/// diagnostics printed the way compilers print them.
/// </summary>
public static class Films
{
    private static readonly AsyncLocal<List<Film>?> Sink = new();

    /// <summary>
    /// Declares <paramref name="films"/>. Returns the exit code of a stand-alone run: 1 when a film
    /// has an error-severity diagnostic, else 0 (always 0 under a host, which reports on its own).
    /// End a file-based film with <c>return Films.Run(film);</c>.
    /// </summary>
    public static int Run(params Film[] films)
    {
        Guard.NotNull(films, nameof(films));
        var declared = films.Select(f => Guard.NotNull(f, nameof(films))).ToList();
        var sink = Sink.Value;
        if (sink is not null)
        {
            lock (sink)
            {
                sink.AddRange(declared);
            }

            return 0;
        }

        var exitCode = 0;
        foreach (var film in declared)
        {
            var diagnostics = film.Validate();
            foreach (var diagnostic in diagnostics)
            {
                Console.WriteLine(diagnostic);
            }

            var errors = diagnostics.Count(d => d.Severity == RuleSeverity.Error);
            Console.WriteLine($"Film '{film.Title}': {film.Shots.Count} shot(s), {film.Runtime:0.##} s, {errors} error(s), {diagnostics.Count - errors} other diagnostic(s).");
            exitCode = errors > 0 ? 1 : exitCode;
        }

        return exitCode;
    }

    /// <summary>
    /// Collects the films that <see cref="Run"/> declares in this async flow until the scope is
    /// disposed, instead of validating them. Script hosts use it around the script's code.
    /// </summary>
    public static FilmCapture Capture() => new(Sink);
}

/// <summary>The films a script declared through <see cref="Films.Run"/> while the capture was open.</summary>
public sealed class FilmCapture : IDisposable
{
    private readonly AsyncLocal<List<Film>?> sink;
    private readonly List<Film>? previous;
    private readonly List<Film> declared = new();

    internal FilmCapture(AsyncLocal<List<Film>?> sink)
    {
        this.sink = sink;
        previous = sink.Value;
        sink.Value = declared;
    }

    /// <summary>The declared films, in declaration order.</summary>
    public IReadOnlyList<Film> Declared
    {
        get
        {
            lock (declared)
            {
                return declared.ToList();
            }
        }
    }

    /// <summary>Stops collecting.</summary>
    public void Dispose() => sink.Value = previous;
}
