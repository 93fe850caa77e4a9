using CineForge.Prompting;

namespace CineForge;

public static partial class FilmExtensions
{
    /// <summary>The assembled prompt of every shot, in timeline order.</summary>
    public static IReadOnlyList<ShotPrompt> Prompts(this Film film) => film.Shots.Select(s => PromptTemplate.For(film, s)).ToList();
}
