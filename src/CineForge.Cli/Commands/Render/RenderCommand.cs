using System.CommandLine;
using CineForge.Hosting;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// <c>cineforge render film.csx</c>: checks the film exactly as <c>check</c> does (compile,
/// analyzers, run the declaration, validate); on any error prints the diagnostics and stops with
/// exit code 1 before any render work; otherwise hands each film to the <see cref="IFilmRenderer"/> that
/// <see cref="FilmRenderers"/> gives: the local one, or with <c>--farm</c> the farm's.
/// </summary>
public sealed class RenderCommand
{
    private readonly IAnsiConsole console;
    private readonly TextWriter errors;
    private readonly FilmChecker checker;
    private readonly FilmRenderers renderers;

    /// <summary>Creates the command; <paramref name="renderers"/> do the rendering, here or on a farm.</summary>
    public RenderCommand(IAnsiConsole console, TextWriter errors, FilmChecker checker, FilmRenderers renderers)
    {
        this.console = console;
        this.errors = errors;
        this.checker = checker;
        this.renderers = renderers;
    }

    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build(GlobalOptions global) => RenderSettings.CommandLine(global)
        .Command("render", "Check the film, then render every shot to its selected clip. Any error stops the render before it starts.", ExecuteAsync);

    /// <summary>Checks, then renders; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(RenderSettings settings, CancellationToken cancellationToken)
    {
        if (FilmInput.ResolveOrReport(settings.Film, errors) is not { } path)
        {
            return ExitCodes.Usage;
        }

        var options = new FilmCheckOptions { WarningsAsErrors = settings.WarnAsError, UseCache = !settings.Global.NoCache, RunTimeout = settings.Global.RunTimeout, Assets = AssetChecks.With(settings.Ffmpeg) };
        var result = await checker.CheckAsync(path, options, settings.Global.NoProgress, cancellationToken).ConfigureAwait(false);
        FilmChecker.Print(result, console.Profile.Out.Writer, settings.Global.Verbose);
        if (result.HasErrors)
        {
            var count = result.Diagnostics.Count(d => d.IsError);
            console.Profile.Out.Writer.WriteLine($"cineforge: render stopped: {count} error{(count == 1 ? string.Empty : "s")}; nothing was rendered.");
            return ExitCodes.FilmErrors;
        }

        var outputDirectory = Path.GetFullPath(settings.OutputDirectory ?? Path.Combine(Path.GetDirectoryName(path)!, "render"));
        var target = renderers.Local;
        if (settings.Farm is { } farm)
        {
            if (FarmInput.ResolveOrReport(farm, errors) is not { } connectionString)
            {
                return ExitCodes.Usage;
            }

            target = renderers.OnFarm(connectionString);
        }

        foreach (var film in result.Films)
        {
            var exitCode = await target.RenderAsync(new RenderRequest(film, path, outputDirectory, result.Diagnostics, settings), console, cancellationToken).ConfigureAwait(false);
            if (exitCode != ExitCodes.Success)
            {
                return exitCode;
            }
        }

        return ExitCodes.Success;
    }
}
