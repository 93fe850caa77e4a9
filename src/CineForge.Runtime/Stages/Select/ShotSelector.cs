using System.Text.Json;
using CineForge.Rules;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Progress;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Serialization;

namespace CineForge.Runtime.Stages.Select;

/// <summary>
/// The select stage job of a shot: reads what each take's stages made, looking only (it never
/// renders, and stops when a take's clip is not complete in the store), keeps the best take with
/// <see cref="SelectStage.Choose"/>, copies the named clips into the shot folder and writes
/// <c>shot.json</c>. It needs no backend, only the identities that address the artefacts, so a
/// CPU-only worker runs it.
/// </summary>
public sealed class ShotSelector(BackendIdentities identities)
{
    /// <summary>Selects shot <paramref name="index"/> (1-based) into <paramref name="filmDirectory"/>; files already up to date are left alone.</summary>
    /// <exception cref="StageInputMissingException">A take's clip is not complete in the store: its animate stage has not finished.</exception>
    public Task<(ShotResult Result, StageRun Run)> SelectAsync(ShotContext context, int index, string filmDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shot = context.Film.Shots[index - 1];
        return StageFailure.NamedAsync(index, shot.Name, ShotStage.Select, null, async () =>
        {
            var selection = await GatherAsync(context, index, filmDirectory).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var wrote = false;
            foreach (var take in selection.Takes)
            {
                if (!File.Exists(take.Clip) || ArtefactKey.HashFile(take.Clip) != take.ClipSha256)
                {
                    AtomicFile.Copy(context.Store.PathOf(take.ClipKey, ".mp4"), take.Clip);
                    wrote = true;
                }
            }

            selection.Report(context);
            var key = SelectionKey(selection.SettingsLog);
            var settingsPath = Path.Combine(selection.Directory, ShotRenderer.SettingsLogName);
            if (!File.Exists(settingsPath) || File.ReadAllText(settingsPath) != selection.SettingsLog)
            {
                context.Store.RecordMaker(key, context.Worker);
                AtomicFile.WriteText(settingsPath, selection.SettingsLog);
                wrote = true;
            }

            return (selection.Result(context.Store.MakerOf(key)), new StageRun(ShotStage.Select, null, context.Worker, wrote, RenderWork.None));
        });
    }

    /// <summary>
    /// The result of shot <paramref name="index"/> as its select stage left it, read without writing
    /// anything: how a submitter reads back the shots its farm rendered.
    /// </summary>
    /// <exception cref="RenderException">A take's clip is not in the store, or the shot folder lacks what the select stage writes.</exception>
    public async Task<ShotResult> ReadAsync(ShotContext context, int index, string filmDirectory)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shot = context.Film.Shots[index - 1];
        Selection selection;
        try
        {
            selection = await GatherAsync(context, index, filmDirectory).ConfigureAwait(false);
        }
        catch (StageInputMissingException ex)
        {
            throw new RenderException($"Shot #{index} '{shot.Name}': {ex.Message}");
        }

        var settingsPath = Path.Combine(selection.Directory, ShotRenderer.SettingsLogName);
        var missing = selection.Takes.Select(t => t.Clip).Where(c => !File.Exists(c)).ToList();
        if (missing.Count > 0 || !File.Exists(settingsPath) || File.ReadAllText(settingsPath) != selection.SettingsLog)
        {
            throw new RenderException($"Shot #{index} '{shot.Name}': its select stage has not written {(missing.Count > 0 ? string.Join(", ", missing) : settingsPath + " as the store's takes give it")}.");
        }

        selection.Report(context);
        return selection.Result(context.Store.MakerOf(SelectionKey(selection.SettingsLog)));
    }

    /// <summary>The key a selection's provenance is stored under: the hash of its <c>shot.json</c>.</summary>
    public static string SelectionKey(string settingsLog) => ArtefactKey.For("selection").Add("log", settingsLog).Hash();

    private async Task<Selection> GatherAsync(ShotContext context, int index, string filmDirectory)
    {
        var shot = context.Film.Shots[index - 1];
        var directory = Path.Combine(filmDirectory, ShotRenderer.FolderName(index, shot));
        var takes = new List<TakeResult>();
        var logs = new List<TakeLog>();
        foreach (var take in ShotTake.Of(shot, index, Recommended.MaxVersionsPerShot))
        {
            var outcome = await TakePipeline.FindAsync(context, identities, take).ConfigureAwait(false)
                ?? throw new StageInputMissingException($"take {take.Label} has no complete clip in the store yet: its animate stage has not finished.");
            var (result, log) = Describe(context, outcome, directory);
            takes.Add(result);
            logs.Add(log);
        }

        var (selected, report) = SelectStage.Choose(takes);
        var settings = new ShotLog(index, shot.Name, context.Resolution?.ToString(), context.Ffmpeg.Version, context.Encoding, identities.Keyframes, identities.Refiner, identities.Animator, logs, selected, report);
        return new Selection(index, shot.Name, directory, takes, selected, report, JsonSerializer.Serialize(settings, FilmJson.Options) + "\n");
    }

    private static (TakeResult Result, TakeLog Log) Describe(ShotContext context, TakeOutcome outcome, string directory)
    {
        var take = outcome.Take;
        var clip = outcome.Clip;
        var named = Path.Combine(directory, take.FileStem + ".mp4");
        var sha = ArtefactKey.HashFile(clip.Path);
        var rejected = clip.Qa.MajorFailures.Any();
        var madeBy = new TakeMadeBy(context.Store.MakerOf(outcome.Keyframe.Key), context.Store.MakerOf(clip.Key));
        var result = new TakeResult(take.Label, take.Seed, named, clip.Key, sha, outcome.Applied, clip.Qa, rejected, madeBy);
        var log = new TakeLog(
            take.Label,
            take.Seed,
            Path.GetFileName(named),
            sha,
            context.FrameSizeOf(take).ToString(),
            take.Shot.Fps,
            ShotContext.FrameCount(take),
            take.Shot.Camera,
            take.Shot.Motion,
            take.Shot.Duration,
            AnimateStage.GrainOf(context.Film, take.Shot),
            outcome.Keyframe.Request.Prompt,
            outcome.Keyframe.BaseKey,
            outcome.Passes,
            rejected,
            JsonSerializer.SerializeToElement(take.Shot, FilmJson.Options));
        return (result, log);
    }

    /// <summary>A shot's choice of take and the settings log that records it.</summary>
    private sealed record Selection(int Index, string Shot, string Directory, IReadOnlyList<TakeResult> Takes, string? Selected, string Verdict, string SettingsLog)
    {
        public ShotResult Result(string? madeBy) => new(Index, Shot, Directory, Takes, Selected, Verdict, RenderWork.None, madeBy, []);

        public void Report(ShotContext context)
        {
            var first = Takes[0];
            var take = Selected is null ? first.Label : $"{Selected}-seed{Takes.First(t => t.Label == Selected).Seed}";
            context.Progress?.Report(new RenderEvent(Index, Shot, take, Selected is null ? RenderStage.Rejected : RenderStage.Selected, Message: Verdict));
        }
    }

    private sealed record ShotLog(int Index, string Shot, string? ForcedResolution, string Ffmpeg, Media.ClipEncoding Encoding, BackendIdentity Keyframes, BackendIdentity Refiner, BackendIdentity Animator, IReadOnlyList<TakeLog> Takes, string? Selected, string Report);

    private sealed record TakeLog(string Label, int Seed, string Clip, string ClipSha256, string Resolution, int Fps, int Frames, Camera Camera, double Motion, double Duration, double Grain, string Prompt, string KeyframeKey, IReadOnlyList<PassLog> Passes, bool Rejected, JsonElement Plan);
}
