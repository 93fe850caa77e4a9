using System.Collections.Concurrent;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Media;
using CineForge.Runtime.Stages;
using CineForge.Serialization;

namespace CineForge.Runtime.Dispatch;

/// <summary>
/// A machine that runs stage jobs: its name, backends and ffmpeg, and the stores and plans it has
/// opened. ffmpeg is probed, each store opened (and swept) and each plan read and validated once
/// per host, not once per job: a job's own cost must stay small next to its render time.
/// </summary>
public sealed class StageHost
{
    private readonly Lazy<FfmpegTool> ffmpeg;
    private readonly ConcurrentDictionary<string, ArtefactStore> stores = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Film> plans = new(StringComparer.Ordinal);

    /// <summary>Creates the host named <paramref name="worker"/> rendering with <paramref name="backends"/> and the ffmpeg at <paramref name="ffmpegPath"/> (default as for a local render).</summary>
    public StageHost(string worker, RenderBackends backends, string? ffmpegPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        ArgumentNullException.ThrowIfNull(backends);
        Worker = worker;
        Backends = backends;
        Takes = new TakePipeline(backends);
        ffmpeg = new(() => FfmpegTool.Locate(ffmpegPath));
    }

    /// <summary>The name recorded as the maker of what this host renders.</summary>
    public string Worker { get; }

    /// <summary>The render backends.</summary>
    public RenderBackends Backends { get; }

    /// <summary>The keyframe and animate stages on <see cref="Backends"/>.</summary>
    internal TakePipeline Takes { get; }

    /// <summary>This machine's ffmpeg.</summary>
    /// <exception cref="ShotJobRefusedException">ffmpeg is missing or unusable here.</exception>
    public FfmpegTool Ffmpeg
    {
        get
        {
            try
            {
                return ffmpeg.Value;
            }
            catch (RenderException ex)
            {
                throw new ShotJobRefusedException(ex.Message);
            }
        }
    }

    /// <summary>The store at <paramref name="root"/>, opened once.</summary>
    public ArtefactStore Store(string root) => stores.GetOrAdd(root, r => new ArtefactStore(r));

    /// <summary>The plan stored under <paramref name="key"/>, read and validated once.</summary>
    /// <exception cref="ShotJobRefusedException">The plan has errors.</exception>
    public Film Plan(ArtefactStore store, string key)
    {
        if (plans.TryGetValue(key, out var known))
        {
            return known;
        }

        var film = FilmJson.Deserialize(store.ReadPlan(key));
        try
        {
            Preflight.CheckPlan(film);
        }
        catch (RenderException ex)
        {
            throw new ShotJobRefusedException(ex.Message);
        }

        return plans.GetOrAdd(key, film);
    }
}
