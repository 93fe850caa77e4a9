using CineForge.Finishing;
using CineForge.Runtime;
using CineForge.Runtime.Progress;

namespace CineForge.Cli.Commands.Render;

/// <summary>Where <see cref="RuntimeFilmRenderer"/> has a validated film rendered and finished: in this process (<see cref="LocalFilmProducer"/>) or on a farm.</summary>
public interface IFilmProducer
{
    /// <summary>Renders and finishes <paramref name="film"/> with <paramref name="backends"/> (null: the previz); render events go to <paramref name="progress"/>.</summary>
    Task<FilmOutcome> RenderAsync(Film film, RenderOptions options, RenderBackends? backends, IProgress<RenderEvent> progress, CancellationToken cancellationToken);

    /// <summary>The line printed when the command is interrupted, <paramref name="where"/> the render stood ("in shot 3 …").</summary>
    string Interrupted(string where);
}

/// <summary>The film rendered and finished in this process, by the library's one render call (<see cref="FilmProduction"/>).</summary>
public sealed class LocalFilmProducer : IFilmProducer
{
    /// <inheritdoc />
    public async Task<FilmOutcome> RenderAsync(Film film, RenderOptions options, RenderBackends? backends, IProgress<RenderEvent> progress, CancellationToken cancellationToken) =>
        (await new FilmProduction(backends).RenderAsync(film, options, progress, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <inheritdoc />
    public string Interrupted(string where) =>
        $"cineforge: render interrupted {where}: its temporary files and staging folders are removed and the render lock released; what was finished is kept, and the same command resumes from it.";
}
