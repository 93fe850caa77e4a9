using System.CommandLine;
using CineForge.Farm;
using CineForge.Rules;

namespace CineForge.Cli.Commands.Render;

/// <summary>The settings of <c>cineforge render</c>, each declared once with its option in <see cref="CommandLine"/>.</summary>
public sealed record RenderSettings
{
    /// <summary>The environment variable naming the model folder when <c>--models</c> is not given.</summary>
    public const string ModelsVariable = "CINEFORGE_MODELS";

    /// <summary>The film: a .csx, a .cs, or a folder holding film.csx / film.cs.</summary>
    public required string Film { get; init; }

    /// <summary>--out DIR: where renders go (default: <c>render/</c> next to the film).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>--farm: render on the farm whose PostgreSQL connection string this is, instead of in this process; empty when --farm came without a value (the environment gives it: <see cref="FarmConnection"/>).</summary>
    public string? Farm { get; init; }

    /// <summary>--warnaserror: warnings stop the render too.</summary>
    public bool WarnAsError { get; init; }

    /// <summary>--parallel N: shots rendered at once (at least 1; default 1).</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>--ffmpeg PATH: the ffmpeg executable (default: CINEFORGE_FFMPEG, then ffmpeg on the PATH).</summary>
    public string? Ffmpeg { get; init; }

    /// <summary>--resolution WxH: render every shot at this size (even sides) instead of its keyframe resolution (drafts).</summary>
    public FrameSize? Resolution { get; init; }

    /// <summary>--lock PATH: the lock file (default: &lt;film&gt;.lock.json next to the film).</summary>
    public string? LockFile { get; init; }

    /// <summary>--locked: compare what the render makes with the existing lock file and fail (<see cref="ExitCodes.LockMismatch"/>) on any difference or when there is none; never write the lock.</summary>
    public bool Locked { get; init; }

    /// <summary>--models DIR (or CINEFORGE_MODELS): a Stable Diffusion ONNX folder; null renders with the previz backends.</summary>
    public string? Models { get; init; }

    /// <summary>--verbose, --no-progress, --no-cache, --script-timeout.</summary>
    public GlobalSettings Global { get; init; } = GlobalSettings.Default;

    /// <summary>The command line of <c>render</c>: each option once, with the setting it stores.</summary>
    public static CommandSettings<RenderSettings> CommandLine(GlobalOptions global) => new CommandSettings<RenderSettings>(new RenderSettings { Film = string.Empty })
        .Add(FilmInput.CreateArgument(), (s, v) => s with { Film = v })
        .Add(new Option<string?>("--out") { Description = "Folder for the renders (default: render/ next to the film)." }, (s, v) => s with { OutputDirectory = v })
        .Add(new Option<bool>("--warnaserror") { Description = "Treat every warning as an error: warnings stop the render too." }, (s, v) => s with { WarnAsError = v })
        .Add(new Option<int>("--parallel") { Description = "Shots rendered at once (at least 1).", DefaultValueFactory = _ => 1, CustomParser = r => OptionValues.AtLeast(r, 1) }, (s, v) => s with { Parallel = v })
        .Add(new Option<string?>("--ffmpeg") { Description = "The ffmpeg executable (default: CINEFORGE_FFMPEG, then ffmpeg on the PATH)." }, (s, v) => s with { Ffmpeg = v })
        .Add(new Option<FrameSize?>("--resolution") { Description = "Draft: render every shot at WxH (even numbers) instead of its keyframe resolution.", CustomParser = OptionValues.EvenFrameSize }, (s, v) => s with { Resolution = v })
        .Add(new Option<string?>("--lock") { Description = "The lock file (default: film.lock.json next to the film)." }, (s, v) => s with { LockFile = v })
        .Add(new Option<bool>("--locked") { Description = "Check against the lock file instead of writing it (CI): exit 5 when anything rendered differs from it or is missing from it, or when there is no lock file. The lock is never rewritten." }, (s, v) => s with { Locked = v })
        .Add(new Option<string?>("--models") { Description = "A Stable Diffusion ONNX folder: keyframes, img2img and depth parallax on the GPU (CUDA, else CPU) instead of the previz (default: CINEFORGE_MODELS)." }, (s, v) => s with { Models = v ?? NonEmpty(Environment.GetEnvironmentVariable(ModelsVariable)) })
        .Add(
            new Option<string?>("--farm")
            {
                Description = "Render on a farm: its PostgreSQL connection string, e.g. \"Host=db;Database=cineforge;Username=farm\"; without a value, from " + FarmConnection.Variable + " or the file named by " + FarmConnection.FileVariable + ". Workers run `cineforge worker`.",
                Arity = ArgumentArity.ZeroOrOne,

                // Given without a value, --farm is the empty string: the connection comes from the environment.
                CustomParser = r => r.Tokens.Count == 0 ? string.Empty : r.Tokens[0].Value,
            },
            (s, v) => s with { Farm = v })
        .Add(global, (s, g) => s with { Global = g });

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
