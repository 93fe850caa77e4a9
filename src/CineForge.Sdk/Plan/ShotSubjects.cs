using CineForge.Rules;

namespace CineForge;

/// <summary>
/// Gives a preset called without a subject (<c>Shot.TightPortrait()</c>) the one its film holds:
/// the cast's lead or the brief's subject, as <see cref="FilmSubjects"/> says, and an object detail
/// the film's product before the brief's subject. A film gives it when the shot is added, and again
/// when it later gets a cast, a product or a brief, so the order of the calls does not matter, with
/// one exception: an object detail given the brief's subject keeps it when a product comes later.
/// </summary>
internal static class ShotSubjects
{
    /// <summary><paramref name="shot"/> as <paramref name="film"/> places it.</summary>
    public static Shot Give(Film film, Shot shot)
    {
        if (!shot.SubjectFromFilm)
        {
            return shot;
        }

        // Featuring(...) or Showing(...) gave it characters or products of its own: it takes nothing from the film.
        if (shot.Subject is not null || shot.Characters.Count > 0 || shot.Products.Count > 0)
        {
            return shot with { SubjectFromFilm = false };
        }

        if (FilmSubjects.TakesProduct(shot.Type) && film.Products.Count > 0)
        {
            return shot with { Products = ValueList.Of(film.Products[0]), SubjectFromFilm = false };
        }

        return FilmSubjects.For(shot.Type) switch
        {
            FilmSubject.Lead when film.Cast.Count > 0 => shot with { Characters = ValueList.Of(film.Cast[0]), SubjectFromFilm = false },
            FilmSubject.BriefSubject when film.Brief.Subject is { } subject => shot with { Subject = subject, SubjectFromFilm = false },
            _ => shot,
        };
    }

    /// <summary><paramref name="film"/> with every shot still waiting for a subject given one, where it now has one.</summary>
    public static Film GiveWaiting(Film film) =>
        film.Shots.Any(s => s.SubjectFromFilm) ? film with { Shots = ValueList<Shot>.From(film.Shots.Select(s => Give(film, s))) } : film;
}
