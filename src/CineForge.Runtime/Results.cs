using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Runtime;

/// <summary>The outcome of one take (A or B) of a shot.</summary>
/// <param name="Label">"A" or "B".</param>
/// <param name="Seed">The take's seed.</param>
/// <param name="Clip">The named clip, <c>&lt;film&gt;/&lt;nn&gt;-&lt;shot&gt;/&lt;label&gt;-seed&lt;seed&gt;.mp4</c>.</param>
/// <param name="ClipKey">The clip's cache key.</param>
/// <param name="ClipSha256">SHA-256 of the clip's bytes.</param>
/// <param name="CorrectionPasses">img2img passes applied (declared plus automatic).</param>
/// <param name="Qa">QA scores of the final pass.</param>
/// <param name="Rejected">True when a major QA failure survived the correction passes.</param>
/// <param name="MadeBy">Who made the take's keyframe and clip.</param>
public sealed record TakeResult(string Label, int Seed, string Clip, string ClipKey, string ClipSha256, int CorrectionPasses, QaReport Qa, bool Rejected, TakeMadeBy MadeBy);

/// <summary>Who made a take's artefacts: a farm worker's name, or a local render's; null where the store has no record.</summary>
/// <param name="Keyframe">The keyframe the take was animated from (the keyframe stage's output).</param>
/// <param name="Clip">The take's clip (the animate stage's output).</param>
public sealed record TakeMadeBy(string? Keyframe, string? Clip);

/// <summary>The outcome of one shot.</summary>
/// <param name="Index">1-based position in the film.</param>
/// <param name="Name">Shot name.</param>
/// <param name="Directory">The shot's folder.</param>
/// <param name="Takes">Each take's result.</param>
/// <param name="Selected">The kept take's label, or null when the shot is rejected.</param>
/// <param name="Report">Why the take was kept, or why the shot was rejected.</param>
/// <param name="Work">Rendering this shot's stages did in this run, wherever they ran.</param>
/// <param name="SelectionMadeBy">Who made the selection (<c>shot.json</c>); null where the store has no record.</param>
/// <param name="Stages">Each stage job of this run: keyframe and animate per take, then select.</param>
public sealed record ShotResult(int Index, string Name, string Directory, IReadOnlyList<TakeResult> Takes, string? Selected, string Report, RenderWork Work, string? SelectionMadeBy, IReadOnlyList<StageRun> Stages)
{
    /// <summary>The kept take, or null.</summary>
    public TakeResult? SelectedTake => Takes.FirstOrDefault(t => t.Label == Selected);

    /// <summary>True when no take survived QA.</summary>
    public bool Rejected => Selected is null;
}

/// <summary>Colour continuity between two consecutive shots (QA03 across shots).</summary>
/// <param name="From">Earlier shot's name.</param>
/// <param name="To">Later shot's name.</param>
/// <param name="DeltaAb">a*b* distance between the two shots' mean colours.</param>
/// <param name="Passed">Whether the distance is within the catalog's limit.</param>
public sealed record ContinuityStep(string From, string To, double DeltaAb, bool Passed);

/// <summary>The outcome of a film render.</summary>
/// <param name="FilmDirectory">The film's output folder.</param>
/// <param name="Shots">Per-shot results, in timeline order.</param>
/// <param name="Continuity">Shot-to-shot colour continuity of the selected takes.</param>
/// <param name="LockFile">The lock file written (or, locked, the committed lock compared against and left as it was).</param>
/// <param name="LockChanges">What differs from the previous lock, one line per setting; empty on a first render or an identical rerun.</param>
/// <param name="Work">Rendering done by this run, on this machine or on the farm's workers.</param>
/// <param name="Verification">A locked render's comparison with the committed lock (<see cref="RenderOptions.Locked"/>); null when the lock was written.</param>
public sealed record FilmRenderResult(string FilmDirectory, IReadOnlyList<ShotResult> Shots, IReadOnlyList<ContinuityStep> Continuity, string LockFile, IReadOnlyList<string> LockChanges, RenderWork Work, Locking.LockVerification? Verification = null)
{
    /// <summary>True when every shot has a selected take.</summary>
    public bool AllSelected => Shots.All(s => !s.Rejected);

    /// <summary>The ffmpeg the shots were encoded with (<see cref="RenderOptions.FfmpegPath"/>); finishing runs the same one.</summary>
    public Media.FfmpegTool? Ffmpeg { get; init; }

    /// <summary>The product's appearance between every two shots whose selected takes read it (QA12 across shots); empty when the film shows no product.</summary>
    public IReadOnlyList<Stages.Select.Qa.ProductStep> Products => Stages.Select.Qa.ProductContinuity.Pairs(Shots.Select(s => (s.Name, s.SelectedTake?.Qa.Product)).ToList());

    /// <summary>What made the shots: the keyframe, refiner and animator backends ("svd 1", "previz 1", ...), as the lock records them.</summary>
    public IReadOnlyList<Stages.BackendIdentity> Backends { get; init; } = [];
}
