using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Media;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Scene;

namespace CineForge.Runtime.Stages;

/// <summary>Everything the stages of one shot share: the film, the tools, the store, where to report.</summary>
/// <param name="Film">The film.</param>
/// <param name="Store">The artefact store.</param>
/// <param name="Ffmpeg">The encoder tool.</param>
/// <param name="Encoding">Clip encoder settings.</param>
/// <param name="Resolution">Forced frame size, or null for each shot's keyframe resolution.</param>
/// <param name="Work">Work counter of this run.</param>
/// <param name="Progress">Progress sink, or null.</param>
/// <param name="Worker">Who makes the artefacts: a farm worker's name, or <see cref="ArtefactProvenance.LocalWorker"/>; recorded beside each artefact, never in a key.</param>
public sealed record ShotContext(Film Film, ArtefactStore Store, FfmpegTool Ffmpeg, ClipEncoding Encoding, FrameSize? Resolution, WorkCounter Work, IProgress<RenderEvent>? Progress, string Worker)
{
    /// <summary>This context with a fresh work counter: each stage counts its own work.</summary>
    public ShotContext WithNewCounter() => this with { Work = new WorkCounter() };

    /// <summary>The output frame size of <paramref name="take"/>.</summary>
    public FrameSize FrameSizeOf(ShotTake take) => Resolution ?? new FrameSize(take.Shot.Keyframe.Width, take.Shot.Keyframe.Height);

    /// <summary>Frames in <paramref name="take"/>: its duration at its frame rate.</summary>
    public static int FrameCount(ShotTake take) => Math.Max(1, (int)Math.Round(take.Shot.Duration * take.Shot.Fps));

    /// <summary>Reports <paramref name="stage"/> of <paramref name="take"/>.</summary>
    public void Report(ShotTake take, RenderStage stage, int frame = 0, int frames = 0, string? message = null) =>
        Progress?.Report(new RenderEvent(take.Index, take.Shot.Name, take.FileStem, stage, frame, frames, message));

    /// <summary>
    /// The first frame of <paramref name="take"/> inside the ad's call-to-action window (the film's
    /// last seconds), or null when the film is not an ad or the shot ends before the window.
    /// </summary>
    public int? CtaWindowStart(ShotTake take)
    {
        if (Film.Format.Kind != FilmKind.Ad)
        {
            return null;
        }

        var start = Film.Shots.Take(take.Index - 1).Sum(s => s.Duration);
        var windowStart = Film.Runtime - Recommended.CtaWindowSeconds;
        if (start + take.Shot.Duration <= windowStart)
        {
            return null;
        }

        return Math.Max(0, (int)Math.Round((windowStart - start) * take.Shot.Fps));
    }
}
