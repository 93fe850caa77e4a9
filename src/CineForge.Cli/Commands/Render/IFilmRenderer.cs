using CineForge.Hosting;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// The render runtime as <c>cineforge render</c> sees it. <see cref="RenderCommand"/> hands it only
/// films that compiled, passed the analyzers and validated without an error; the renderer does
/// the work and returns an exit code (<see cref="ExitCodes.Success"/> or <see cref="ExitCodes.RenderFailed"/>).
/// The build's renderers are chosen in <see cref="FilmRenderers.CreateDefault"/>.
/// </summary>
public interface IFilmRenderer
{
    /// <summary>Renders one validated film; progress and results go to <paramref name="console"/>.</summary>
    Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken);
}

/// <summary>One validated film to render.</summary>
/// <param name="Film">The plan: compiled, analyzed and validated with no error.</param>
/// <param name="FilmPath">Full path of the film file (relative asset paths resolve from its folder).</param>
/// <param name="OutputDirectory">Full path of the folder renders go to.</param>
/// <param name="Diagnostics">The warnings and infos the check found (none are errors).</param>
/// <param name="Settings">The command line's settings.</param>
public sealed record RenderRequest(Film Film, string FilmPath, string OutputDirectory, IReadOnlyList<ScriptDiagnostic> Diagnostics, RenderSettings Settings);
