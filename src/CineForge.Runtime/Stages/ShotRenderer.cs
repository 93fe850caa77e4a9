using System.Text.Json;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Determinism;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Correct;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Select;
using CineForge.Runtime.Stages.Select.Qa;
using CineForge.Serialization;

namespace CineForge.Runtime.Stages;

/// <summary>
/// One shot job: each take goes keyframe → declared corrections → animate and measure; a take with
/// a major QA failure gets automatic img2img passes until the method's budget of
/// <see cref="Recommended.MaxCorrectionPasses"/> is spent, then is rejected. The best take is kept.
/// Writes the named clips and the shot's settings log.
/// </summary>
public sealed class ShotRenderer(RenderBackends backends)
{
    private readonly KeyframeStage keyframes = new(backends.Keyframes);
    private readonly CorrectStage corrections = new(backends.Refiner);
    private readonly AnimateStage animation = new(backends.Animator);

    /// <summary>The settings log's file name in each shot folder.</summary>
    public const string SettingsLogName = "shot.json";

    /// <summary>The shot folder name: "03-tired-mirror".</summary>
    public static string FolderName(int index, Shot shot) => $"{index:00}-{shot.Name}";

    /// <summary>Renders shot <paramref name="index"/> (1-based) of the film into <paramref name="filmDirectory"/>; <paramref name="context"/> carries this shot's own work counter.</summary>
    public async Task<ShotResult> RenderAsync(ShotContext context, int index, string filmDirectory, CancellationToken cancellationToken)
    {
        var shot = context.Film.Shots[index - 1];
        var directory = Path.Combine(filmDirectory, FolderName(index, shot));
        var takes = new List<TakeResult>();
        var log = new List<TakeLog>();
        try
        {
            foreach (var take in ShotTake.Of(shot, index, Recommended.MaxVersionsPerShot))
            {
                var (result, entry) = await RenderTakeAsync(context, take, directory, cancellationToken).ConfigureAwait(false);
                takes.Add(result);
                log.Add(entry);
            }

            var (selected, report) = SelectStage.Choose(takes);
            var first = takes[0];
            context.Progress?.Report(new RenderEvent(index, shot.Name, selected is null ? first.Label : $"{selected}-seed{takes.First(t => t.Label == selected).Seed}", selected is null ? RenderStage.Rejected : RenderStage.Selected, Message: report));
            var settings = new ShotLog(index, shot.Name, context.Resolution?.ToString(), context.Ffmpeg.Version, context.Encoding, backends.Keyframes.Identity, backends.Refiner.Identity, backends.Animator.Identity, log, selected, report);
            AtomicFile.WriteText(Path.Combine(directory, SettingsLogName), JsonSerializer.Serialize(settings, FilmJson.Options) + "\n");
            return new ShotResult(index, shot.Name, directory, takes, selected, report, context.Work.Snapshot());
        }
        catch (IOException ex)
        {
            throw new RenderException($"Shot #{index} '{shot.Name}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new RenderException($"Shot #{index} '{shot.Name}': {ex.Message}", ex);
        }
        catch (RenderException ex) when (!ex.Message.StartsWith("Shot #", StringComparison.Ordinal))
        {
            throw new RenderException($"Shot #{index} '{shot.Name}': {ex.Message}", ex);
        }
    }

    private async Task<(TakeResult, TakeLog)> RenderTakeAsync(ShotContext context, ShotTake take, string directory, CancellationToken cancellationToken)
    {
        var request = KeyframeStage.RequestFor(context, take);
        var (keyframe, key) = keyframes.Run(context, take, request, cancellationToken);
        var keyframeKey = key;
        var passes = new List<PassLog>();
        var applied = 0;
        foreach (var declared in take.Shot.Corrections.Take(Recommended.MaxCorrectionPasses))
        {
            applied++;
            (keyframe, key) = corrections.Run(context, take, request, keyframe, key, declared.Denoise, PassSeed(take, applied), declared.Note ?? $"pass {applied}", cancellationToken);
        }

        var clip = await animation.RunAsync(context, take, keyframe, key, cancellationToken).ConfigureAwait(false);
        passes.Add(new PassLog(applied, key, clip.Key, clip.Qa));
        while (clip.Qa.MajorFailures.Any() && applied < Recommended.MaxCorrectionPasses)
        {
            // Automatic correction: img2img at the shot's denoise with a fresh pass seed.
            applied++;
            (keyframe, key) = corrections.Run(context, take, request, keyframe, key, take.Shot.Keyframe.Denoise, PassSeed(take, applied), $"pass {applied}: {string.Join(", ", clip.Qa.MajorFailures.Select(f => f.Id))}", cancellationToken);
            clip = await animation.RunAsync(context, take, keyframe, key, cancellationToken).ConfigureAwait(false);
            passes.Add(new PassLog(applied, key, clip.Key, clip.Qa));
        }

        var named = Path.Combine(directory, take.FileStem + ".mp4");
        var sha = ArtefactKey.HashFile(clip.Path);
        if (!File.Exists(named) || ArtefactKey.HashFile(named) != sha)
        {
            AtomicFile.Copy(clip.Path, named);
        }

        var rejected = clip.Qa.MajorFailures.Any();
        var size = context.FrameSizeOf(take);
        var result = new TakeResult(take.Label, take.Seed, named, clip.Key, sha, applied, clip.Qa, rejected);
        var log = new TakeLog(
            take.Label,
            take.Seed,
            Path.GetFileName(named),
            sha,
            size.ToString(),
            take.Shot.Fps,
            ShotContext.FrameCount(take),
            take.Shot.Camera,
            take.Shot.Motion,
            take.Shot.Duration,
            AnimateStage.GrainOf(context.Film, take.Shot),
            request.Prompt,
            keyframeKey,
            passes,
            rejected,
            JsonSerializer.SerializeToElement(take.Shot, FilmJson.Options));
        return (result, log);
    }

    private static long PassSeed(ShotTake take, int pass) => (long)SeededRandom.Mix(((ulong)(uint)take.Seed << 8) | (uint)pass);

    private sealed record ShotLog(int Index, string Shot, string? ForcedResolution, string Ffmpeg, Media.ClipEncoding Encoding, BackendIdentity Keyframes, BackendIdentity Refiner, BackendIdentity Animator, IReadOnlyList<TakeLog> Takes, string? Selected, string Report);

    private sealed record TakeLog(string Label, int Seed, string Clip, string ClipSha256, string Resolution, int Fps, int Frames, Camera Camera, double Motion, double Duration, double Grain, string Prompt, string KeyframeKey, IReadOnlyList<PassLog> Passes, bool Rejected, JsonElement Plan);

    private sealed record PassLog(int CorrectionPasses, string KeyframeKey, string ClipKey, QaReport Qa);
}
