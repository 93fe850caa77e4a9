using System.CommandLine;
using CineForge.Farm;
using CineForge.Hosting;
using Spectre.Console;

namespace CineForge.Cli.Commands.Render;

/// <summary>
/// <c>cineforge render film.csx</c>: checks the film exactly as <c>check</c> does (compile,
/// analyzers, run the declaration, validate); on any error prints the diagnostics and stops with
/// exit code 1 before any render work; otherwise hands each film to the <see cref="IFilmRenderer"/>.
/// </summary>
public sealed class RenderCommand
{
    private readonly IAnsiConsole console;
    private readonly TextWriter errors;
    private readonly FilmChecker checker;
    private readonly IFilmRenderer renderer;

    /// <summary>Creates the command; <paramref name="renderer"/> does the rendering.</summary>
    public RenderCommand(IAnsiConsole console, TextWriter errors, FilmChecker checker, IFilmRenderer renderer)
    {
        this.console = console;
        this.errors = errors;
        this.checker = checker;
        this.renderer = renderer;
    }

    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build(GlobalOptions global)
    {
        var film = FilmInput.CreateArgument();
        var output = new Option<string?>("--out") { Description = "Folder for the renders (default: render/ next to the film)." };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat every warning as an error: warnings stop the render too." };
        var parallel = new Option<int>("--parallel") { Description = "Shots rendered at once.", DefaultValueFactory = _ => 1 };
        var ffmpeg = new Option<string?>("--ffmpeg") { Description = "The ffmpeg executable (default: CINEFORGE_FFMPEG, then ffmpeg on the PATH)." };
        var resolution = new Option<string?>("--resolution") { Description = "Draft: render every shot at WxH (even numbers) instead of its keyframe resolution." };
        var lockFile = new Option<string?>("--lock") { Description = "The lock file (default: film.lock.json next to the film)." };
        var locked = new Option<bool>("--locked") { Description = "Check against the lock file instead of writing it (CI): exit 5 when anything rendered differs from it or is missing from it, or when there is no lock file. The lock is never rewritten." };
        var models = new Option<string?>("--models") { Description = "A Stable Diffusion ONNX folder: keyframes, img2img and depth parallax on the GPU (CUDA, else CPU) instead of the previz (default: CINEFORGE_MODELS)." };
        var farm = new Option<string?>("--farm") { Description = "Render on a farm: its PostgreSQL connection string, e.g. \"Host=db;Database=cineforge;Username=farm\"; without a value, from " + FarmConnection.Variable + " or the file named by " + FarmConnection.FileVariable + ". Workers run `cineforge worker`.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("render", "Check the film, then render every shot to its selected clip. Any error stops the render before it starts.") { film, output, warnAsError, parallel, ffmpeg, resolution, lockFile, locked, models, farm };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            new RenderSettings
            {
                Film = parse.GetRequiredValue(film),
                OutputDirectory = parse.GetValue(output),
                Farm = parse.GetResult(farm) is null ? null : parse.GetValue(farm) ?? string.Empty,
                WarnAsError = parse.GetValue(warnAsError),
                Verbose = parse.GetValue(global.Verbose),
                NoProgress = parse.GetValue(global.NoProgress),
                NoCache = parse.GetValue(global.NoCache),
                RunTimeout = GlobalOptions.RunTimeout(parse.GetValue(global.ScriptTimeout)),
                Parallel = parse.GetValue(parallel),
                Ffmpeg = parse.GetValue(ffmpeg),
                Resolution = parse.GetValue(resolution),
                LockFile = parse.GetValue(lockFile),
                Locked = parse.GetValue(locked),
                Models = parse.GetValue(models) ?? NonEmpty(Environment.GetEnvironmentVariable(RenderSettings.ModelsVariable)),
            },
            cancellationToken));
        return command;
    }

    /// <summary>Checks, then renders; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(RenderSettings settings, CancellationToken cancellationToken)
    {
        if (FilmInput.ResolveOrReport(settings.Film, errors) is not { } path)
        {
            return ExitCodes.Usage;
        }

        var options = new FilmCheckOptions { WarningsAsErrors = settings.WarnAsError, UseCache = !settings.NoCache, RunTimeout = settings.RunTimeout, Assets = AssetChecks.With(settings.Ffmpeg) };
        var result = await checker.CheckAsync(path, options, settings.NoProgress, cancellationToken).ConfigureAwait(false);
        FilmChecker.Print(result, console.Profile.Out.Writer, settings.Verbose);
        if (result.HasErrors)
        {
            var count = result.Diagnostics.Count(d => d.IsError);
            console.Profile.Out.Writer.WriteLine($"cineforge: render stopped: {count} error{(count == 1 ? string.Empty : "s")}; nothing was rendered.");
            return ExitCodes.FilmErrors;
        }

        var outputDirectory = Path.GetFullPath(settings.OutputDirectory ?? Path.Combine(Path.GetDirectoryName(path)!, "render"));
        var target = renderer;
        if (settings.Farm is { } farm)
        {
            if (FarmInput.ResolveOrReport(farm, errors) is not { } connectionString)
            {
                return ExitCodes.Usage;
            }

            target = new FarmFilmRenderer(connectionString, errors);
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

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
