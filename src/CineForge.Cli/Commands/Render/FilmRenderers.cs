namespace CineForge.Cli.Commands.Render;

/// <summary>
/// Where <c>cineforge render</c> hands validated films: the one seam the render runtime plugs into.
/// <see cref="Local"/> renders in this process; <c>--farm</c> asks <see cref="OnFarm"/> for the
/// renderer of that farm. Tests replace either with their own.
/// </summary>
/// <param name="local">The renderer of a render without <c>--farm</c>.</param>
/// <param name="farm">The renderer for a farm, from its resolved connection string.</param>
public sealed class FilmRenderers(IFilmRenderer local, Func<string, IFilmRenderer> farm)
{
    /// <summary>The renderer of a render without <c>--farm</c>.</summary>
    public IFilmRenderer Local { get; } = local;

    /// <summary>The renderer of <c>render --farm</c> on the farm at <paramref name="connectionString"/>.</summary>
    public IFilmRenderer OnFarm(string connectionString) => farm(connectionString);

    /// <summary>What this build renders with: the render runtime with its embedded previz backends, or the farm's workers (<paramref name="errors"/> takes a farm that cannot be reached).</summary>
    public static FilmRenderers CreateDefault(TextWriter errors) => WithFarm(new RuntimeFilmRenderer(), errors);

    /// <summary><paramref name="local"/>, and the farm renderer of this build for <c>--farm</c>.</summary>
    public static FilmRenderers WithFarm(IFilmRenderer local, TextWriter errors) => new(local, connectionString => new FarmFilmRenderer(connectionString, errors));
}
