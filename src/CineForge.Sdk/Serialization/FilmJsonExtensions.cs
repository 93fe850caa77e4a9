using CineForge.Serialization;

namespace CineForge;

public static partial class FilmExtensions
{
    /// <summary>The plan as the JSON settings log (see <see cref="FilmJson"/>).</summary>
    public static string ToJson(this Film film) => FilmJson.Serialize(film);
}
