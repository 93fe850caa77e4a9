namespace CineForge.Finishing;

/// <summary>One rendered take of a shot, with the QA figures selection measured on it.</summary>
/// <param name="Variant">"A" or "B".</param>
/// <param name="Path">The clip file (any container FFmpeg reads).</param>
/// <param name="Qa">Measured QA values by QA id ("QA01" → 0.8), in each metric's unit.</param>
public sealed record TakeClip(string Variant, string Path, IReadOnlyDictionary<string, double> Qa)
{
    /// <summary>The subject's box in every frame of the clip, from the stage that made it; null when it is not known (then reframing measures the picture).</summary>
    public CineForge.Runtime.Stages.Animate.SubjectTrack? Subject { get; init; }

    /// <summary>The take's mean face as the render's face recognizer embedded it (QA10 across shots); null where none ran.</summary>
    public IReadOnlyList<float>? Face { get; init; }

    /// <summary>The product's mean colour inside its subject box, from selection's QA12; null when the take is not an object detail of the film's product.</summary>
    public CineForge.Runtime.Imaging.Lab? Product { get; init; }
}

/// <summary>The outcome of selection for one shot: the take kept, and the takes it was chosen over.</summary>
/// <param name="ShotName">The plan's <see cref="Shot.Name"/>.</param>
/// <param name="Selected">The take the film uses.</param>
/// <param name="Alternates">The other takes rendered for the shot (shown on the contact sheet).</param>
public sealed record ShotSelection(string ShotName, TakeClip Selected, IReadOnlyList<TakeClip> Alternates)
{
    /// <summary>Why the take was kept, as selection said it (<c>B-seed43 kept over A: QA01 flicker 0.61 vs 0.64 (noise 0.005)</c>); null when not known.</summary>
    public string? Reason { get; init; }

    /// <summary>A selection with no alternate take.</summary>
    public ShotSelection(string shotName, TakeClip selected)
        : this(shotName, selected, Array.Empty<TakeClip>())
    {
    }
}

/// <summary>Everything the finishing pass needs.</summary>
public sealed record FinishingRequest
{
    /// <summary>The validated plan.</summary>
    public required Film Film { get; init; }

    /// <summary>The selected take of every shot of the plan.</summary>
    public required IReadOnlyList<ShotSelection> Selections { get; init; }

    /// <summary>Folder the plan's relative asset paths (LUTs, sounds) resolve from: the script's folder.</summary>
    public required string FilmDirectory { get; init; }

    /// <summary>Folder the finished film goes to: <c>exports/</c>, <c>report/</c> and the stage work files.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The film script, archived next to the master.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>The lock file, archived next to the master.</summary>
    public string? LockFilePath { get; init; }

    /// <summary>The keyframe, refiner and animator backends that made the shots, for the settings log and the report.</summary>
    public IReadOnlyList<CineForge.Runtime.Stages.BackendIdentity> Backends { get; init; } = [];

    /// <summary>The render's ffmpeg (<see cref="CineForge.Runtime.RenderOptions.FfmpegPath"/>); default as for a render with no <c>--ffmpeg</c>.</summary>
    public CineForge.Runtime.Media.FfmpegTool Ffmpeg
    {
        get => ffmpeg ?? CineForge.Runtime.Media.FfmpegTool.Default;
        init => ffmpeg = value;
    }

    private readonly CineForge.Runtime.Media.FfmpegTool? ffmpeg;

    /// <summary>Resolves a plan path against <see cref="FilmDirectory"/>.</summary>
    public string Resolve(string path) => System.IO.Path.GetFullPath(System.IO.Path.Combine(FilmDirectory, path));
}
