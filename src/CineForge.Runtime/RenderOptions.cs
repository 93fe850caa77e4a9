using CineForge.Rules;
using CineForge.Runtime.Media;

namespace CineForge.Runtime;

/// <summary>Where and how a film renders. Every field that changes pixels enters the cache keys.</summary>
public sealed record RenderOptions
{
    /// <summary>Folder the film's folder is created in: <c>&lt;output&gt;/&lt;film&gt;/&lt;nn&gt;-&lt;shot&gt;/&lt;take&gt;-seed&lt;seed&gt;.mp4</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The content-addressed store; default <c>&lt;output&gt;/.cineforge/cache</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The store folder in use: <see cref="CacheDirectory"/>, else <c>&lt;output&gt;/.cineforge/cache</c> (shots and finishing share it).</summary>
    public string StoreDirectory => Path.GetFullPath(CacheDirectory ?? Path.Combine(Path.GetFullPath(OutputDirectory), ".cineforge", "cache"));

    /// <summary>The film script: archived next to the master; its folder is the asset root when <see cref="AssetRoot"/> is not set.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>The lock file; default <c>&lt;output&gt;/&lt;film&gt;/film.lock.json</c> (the CLI puts it next to the script).</summary>
    public string? LockFile { get; init; }

    /// <summary>
    /// Locked (<c>render --locked</c>): the lock file must already exist; it is compared with what the
    /// render makes (<see cref="FilmRenderResult.Verification"/>) and never written. Cached artefacts are used as usual.
    /// </summary>
    public bool Locked { get; init; }

    /// <summary>Folder the film's relative asset paths resolve from; default the script's folder, else <see cref="FilmAssets.Root"/>.</summary>
    public string? AssetRoot { get; init; }

    /// <summary>The asset root in use: <see cref="AssetRoot"/>, else the script's folder, else <see cref="FilmAssets.Root"/>.</summary>
    public string AssetRootOrDefault => AssetRoot ?? (ScriptPath is null ? FilmAssets.Root : Path.GetDirectoryName(Path.GetFullPath(ScriptPath))!);

    /// <summary>The ffmpeg executable; default CINEFORGE_FFMPEG, then "ffmpeg" on the PATH.</summary>
    public string? FfmpegPath { get; init; }

    /// <summary>Renders every shot at this size instead of its keyframe resolution (drafts, tests); even sizes only.</summary>
    public FrameSize? Resolution { get; init; }

    /// <summary>Shots rendered at once by the default dispatcher.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Clip encoder settings.</summary>
    public ClipEncoding Encoding { get; init; } = ClipEncoding.Default;
}
