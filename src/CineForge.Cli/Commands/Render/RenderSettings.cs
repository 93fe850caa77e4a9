namespace CineForge.Cli.Commands.Render;

/// <summary>The settings of <c>cineforge render</c>.</summary>
public sealed record RenderSettings
{
    /// <summary>The film: a .csx, a .cs, or a folder holding film.csx / film.cs.</summary>
    public required string Film { get; init; }

    /// <summary>--out DIR: where renders go (default: <c>render/</c> next to the film).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>--farm: render on the farm whose PostgreSQL connection string this is, instead of in this process; empty when --farm came without a value (the environment gives it: <see cref="Farm.FarmConnection"/>).</summary>
    public string? Farm { get; init; }

    /// <summary>--warnaserror: warnings stop the render too.</summary>
    public bool WarnAsError { get; init; }

    /// <summary>--verbose.</summary>
    public bool Verbose { get; init; }

    /// <summary>--no-progress.</summary>
    public bool NoProgress { get; init; }

    /// <summary>--no-cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>--script-timeout: how long the film's script may run.</summary>
    public TimeSpan RunTimeout { get; init; } = Hosting.FilmCheckOptions.DefaultRunTimeout;

    /// <summary>--parallel N: shots rendered at once (default 1).</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>--ffmpeg PATH: the ffmpeg executable (default: CINEFORGE_FFMPEG, then ffmpeg on the PATH).</summary>
    public string? Ffmpeg { get; init; }

    /// <summary>--resolution WxH: render every shot at this size instead of its keyframe resolution (drafts).</summary>
    public string? Resolution { get; init; }

    /// <summary>--lock PATH: the lock file (default: &lt;film&gt;.lock.json next to the film).</summary>
    public string? LockFile { get; init; }

    /// <summary>--locked: compare what the render makes with the existing lock file and fail (<see cref="ExitCodes.LockMismatch"/>) on any difference or when there is none; never write the lock.</summary>
    public bool Locked { get; init; }

    /// <summary>The environment variable naming the model folder when <c>--models</c> is not given.</summary>
    public const string ModelsVariable = "CINEFORGE_MODELS";

    /// <summary>--models DIR (or CINEFORGE_MODELS): a Stable Diffusion ONNX folder; null renders with the previz backends.</summary>
    public string? Models { get; init; }
}
