namespace CineForge.Cli.Commands.Render;

/// <summary>Where the build picks its renderer: the one place the render runtime plugs into the command line.</summary>
public static class FilmRenderers
{
    /// <summary>The renderer <c>cineforge render</c> uses: the render runtime with its embedded previz backends.</summary>
    public static IFilmRenderer CreateDefault() => new RuntimeFilmRenderer();
}
