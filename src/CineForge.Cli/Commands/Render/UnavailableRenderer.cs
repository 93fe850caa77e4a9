using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>The renderer of a build without the render runtime: says so and exits with <see cref="ExitCodes.RenderUnavailable"/>. Renders nothing.</summary>
public sealed class UnavailableRenderer : IFilmRenderer
{
    /// <summary>The message it prints.</summary>
    public const string Message = "cineforge: rendering is not available in this build: it carries no render runtime. The film is valid; `cineforge plan` shows what would be rendered.";

    /// <inheritdoc />
    public Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        console.Profile.Out.Writer.WriteLine(Message);
        return Task.FromResult(ExitCodes.RenderUnavailable);
    }
}
