using System.Diagnostics;
using CineForge.Hosting;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Locking;
using Hangfire;

namespace CineForge.Farm.Tests;

/// <summary>The test database, films, folders and worker processes of the farm tests.</summary>
internal static class FarmTestSupport
{
    /// <summary>The variable holding the test database's connection string (set by .ci/run).</summary>
    public const string DatabaseVariable = "CINEFORGE_TEST_PG";

    /// <summary>Frame size of farm test renders: the farm's bytes are what these tests are about, not resolution.</summary>
    public static readonly FrameSize Small = new(160, 90);

    /// <summary>Timings short enough for a test: a killed worker's job returns after a few seconds.</summary>
    public static readonly FarmTimings Quick = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));

    /// <summary>The repository root (holds CineForge.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The cosmetic ad example's folder.</summary>
    public static string CosmeticAdFolder => Path.Combine(RepositoryRoot, "examples", "cosmetic-ad");

    /// <summary>The test database, or a skip with the reason.</summary>
    public static string Database()
    {
        var connection = Environment.GetEnvironmentVariable(DatabaseVariable);
        Skip.If(string.IsNullOrWhiteSpace(connection), $"{DatabaseVariable} is not set: no PostgreSQL for the farm tests (.ci/run starts one).");
        return connection!;
    }

    /// <summary>The cosmetic ad, loaded through the script host.</summary>
    public static Film CosmeticAd() => FilmScript.LoadAsync(Path.Combine(CosmeticAdFolder, "film.csx")).GetAwaiter().GetResult()[0];

    /// <summary>Options rendering into <paramref name="folder"/> at <see cref="Small"/>.</summary>
    public static RenderOptions Options(string folder) => new()
    {
        OutputDirectory = Path.Combine(folder, "out"),
        CacheDirectory = Path.Combine(folder, "cache"),
        Resolution = Small,
        AssetRoot = CosmeticAdFolder,
    };

    /// <summary>Removes every job and film record the farm holds, so one test's leftovers never reach another.</summary>
    public static void ClearFarm(string connection)
    {
        var storage = FarmStorage.Open(connection, Quick);
        var client = new BackgroundJobClient(storage);
        var api = storage.GetMonitoringApi();
        using var states = storage.GetConnection();
        var films = FarmFilms.All(states);
        var ids = api.Queues().SelectMany(q => api.EnqueuedJobs(q.Name, 0, 10_000).Select(j => j.Key))
            .Concat(api.ProcessingJobs(0, 10_000).Select(j => j.Key))
            .Concat(api.ScheduledJobs(0, 10_000).Select(j => j.Key))
            .Concat(api.FailedJobs(0, 10_000).Select(j => j.Key))
            .Concat(films.SelectMany(f => f.Stages).Select(s => s.JobId).OfType<string>())
            .Distinct()
            .ToList();
        foreach (var id in ids)
        {
            client.Delete(id);
        }

        foreach (var film in films)
        {
            FarmFilms.Remove(storage, film.FilmDirectory);
        }
    }

    /// <summary>
    /// Every complete object of a store: relative path → SHA-256. Temporary files are left out, and
    /// so are provenance records: who made an object is not part of it.
    /// </summary>
    public static SortedDictionary<string, string> StoreHashes(string store)
    {
        var objects = Path.Combine(store, "objects");
        return new SortedDictionary<string, string>(
            Directory.EnumerateFiles(objects, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal) && !f.EndsWith(ArtefactProvenance.Extension, StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(objects, f).Replace('\\', '/'), ArtefactKey.HashFile),
            StringComparer.Ordinal);
    }

    /// <summary>The lock a render wrote.</summary>
    public static FilmLock LockOf(FilmRenderResult result) =>
        System.Text.Json.JsonSerializer.Deserialize<FilmLock>(File.ReadAllText(result.LockFile), Serialization.FilmJson.Options)!;

    /// <summary>Every maker the lock names: of each selection, keyframe and clip.</summary>
    public static IReadOnlyList<string?> Makers(FilmLock filmLock) =>
        filmLock.Shots.Select(s => s.MadeBy).Concat(filmLock.Shots.SelectMany(s => s.Takes).SelectMany(t => new[] { t.MadeBy.Keyframe, t.MadeBy.Clip })).ToList();

    /// <summary>A worker served in this process (faster to start than a worker process); stopped on dispose.</summary>
    public static InProcessWorker StartInProcess(string connection, string name, params string[] queues) => new(connection, name, queues);

    /// <summary>Every named clip of a render: shot/take → SHA-256.</summary>
    public static IReadOnlyList<string> ClipHashes(FilmRenderResult result) =>
        result.Shots.SelectMany(s => s.Takes.Select(t => $"{s.Index:00}-{s.Name}/{t.Label}: {t.ClipSha256}")).ToList();

    /// <summary>Starts <c>cineforge worker</c> as its own process.</summary>
    public static CliProcess StartWorker(string connection, string name, int leaseSeconds) =>
        new(name, ["worker", "--farm", connection, "--name", name, "--lease", leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)], "worker ");

    /// <summary>Starts <c>cineforge render film.csx --farm</c> on the cosmetic ad as its own process, rendering into <paramref name="folder"/> at <see cref="Small"/>, the lock there too.</summary>
    public static CliProcess StartSubmitter(string connection, string name, string folder) =>
        new(name, ["render", Path.Combine(CosmeticAdFolder, "film.csx"), "--farm", connection, "--out", Path.Combine(folder, "out"), "--lock", Path.Combine(folder, "film.lock.json"), "--resolution", $"{Small.Width}x{Small.Height}", "--no-progress"], $"{CosmeticAd().Title} on the farm: ");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CineForge.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CineForge.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A <c>cineforge</c> process (a worker, a submitter) with its output; killed on dispose.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder log = new();

    /// <summary>Starts <c>cineforge <paramref name="arguments"/></c>, ready once it prints a line starting with <paramref name="readyPrefix"/>.</summary>
    public CliProcess(string name, IEnumerable<string> arguments, string readyPrefix)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var cli = Path.Combine(FarmTestSupport.RepositoryRoot, "src", "CineForge.Cli", "bin", configuration, "net10.0", "cineforge.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Prepend(cli))
        {
            info.ArgumentList.Add(argument);
        }

        Name = name;
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Record(e.Data, isReady: e.Data?.StartsWith(readyPrefix, StringComparison.Ordinal) == true);
        process.ErrorDataReceived += (_, e) => Record(e.Data, isReady: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Waits until the worker's server is up.</summary>
    public async Task WaitReadyAsync()
    {
        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != ready.Task)
        {
            throw new InvalidOperationException($"{Name} did not start:\n{Log}");
        }
    }

    /// <summary>Waits until the process exits by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Record(string? line, bool isReady)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }

        if (isReady)
        {
            ready.TrySetResult();
        }
    }
}

/// <summary>A <see cref="FarmWorker"/> running in the test process until disposed.</summary>
internal sealed class InProcessWorker : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    public InProcessWorker(string connection, string name, IReadOnlyList<string> queues) =>
        serving = FarmWorker.RunAsync(new FarmWorkerOptions(connection, queues, RenderBackends.Previz(), name, Timings: FarmTestSupport.Quick), null, stop.Token);

    public void Dispose()
    {
        stop.Cancel();
        serving.GetAwaiter().GetResult();
        stop.Dispose();
    }
}

/// <summary>A temporary folder removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cineforge-farm-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The farm tests share one database and its queues: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FarmCollection
{
    public const string Name = "farm";
}
