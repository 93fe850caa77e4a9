using CineForge.Farm;
using CineForge.Hosting;
using CineForge.Runtime;
using CineForge.Runtime.Cache;
using CineForge.Runtime.Dispatch;
using CineForge.Runtime.Media;
using CineForge.Runtime.Stages;
using Npgsql;

namespace CineForge.Cli.Tests.Commands;

/// <summary>What <c>render --farm</c> and <c>farm status</c> print, against a real farm (PostgreSQL from CINEFORGE_TEST_PG, workers in this process).</summary>
[Collection(CliFarm.Collection)]
public sealed class FarmOutputTests
{
    [SkippableFact]
    public async Task RenderOnTheFarm_ReportsJobsPerStageAndTheWorkers_ARerunFindsEverythingInTheStore_ALockedRerunMatchesTheLock()
    {
        var farm = CliFarm.Fresh();
        using var temp = new TempFolder();
        string[] args = ["render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-progress", "--resolution", "64x36", "--farm", farm, "--out", temp.Combine("out"), "--lock", temp.Combine("film.lock.json")];
        var first = new TestCli();
        var second = new TestCli();
        var locked = new TestCli();
        int firstExit, secondExit, lockedExit;
        byte[] lockBytes;
        using (CliFarm.Worker(farm, "cli-worker-1"))
        using (CliFarm.Worker(farm, "cli-worker-2"))
        {
            firstExit = await first.Cli.InvokeAsync(args);
            secondExit = await second.Cli.InvokeAsync(args);
            lockBytes = await File.ReadAllBytesAsync(temp.Combine("film.lock.json"));
            lockedExit = await locked.Cli.InvokeAsync([.. args, "--locked"]);
        }

        Assert.True(firstExit == ExitCodes.Success, first.Console.Output + first.Errors);
        Assert.Contains("Rain Check on the farm: keyframe 4/4, animate 4/4, select 4/4, finish 1/1 done; 0 running, 0 queued, 0 awaiting", first.Lines);
        Assert.Contains("cineforge: on the farm: keyframe: 4 jobs, 4 run, 0 found in the store", first.Lines);
        Assert.Contains("cineforge: on the farm: animate: 4 jobs, 4 run, 0 found in the store", first.Lines);
        Assert.Contains("cineforge: on the farm: select: 4 jobs, 4 run, 0 found in the store", first.Lines);
        var workers = Assert.Single(first.Lines, l => l.StartsWith("cineforge: on the farm: workers: ", StringComparison.Ordinal));
        Assert.Matches(@"^cineforge: on the farm: workers: cli-worker-[12] \(\d+ jobs?\)(, cli-worker-2 \(\d+ jobs?\))?$", workers);
        Assert.Equal(12, System.Text.RegularExpressions.Regex.Matches(workers, @"\((\d+) jobs?\)").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(first.Lines, l => l.StartsWith("cineforge: rendered 4 clip(s), ", StringComparison.Ordinal) && l.Contains(" 4 keyframe(s), ", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Lines, l => l.Contains("nothing to render", StringComparison.Ordinal));
        Assert.Contains("\"madeBy\": \"cli-worker-", await File.ReadAllTextAsync(temp.Combine("film.lock.json")), StringComparison.Ordinal);

        Assert.True(secondExit == ExitCodes.Success, second.Console.Output + second.Errors);
        Assert.Contains("cineforge: on the farm: keyframe: 4 jobs, 0 run, 4 found in the store", second.Lines);
        Assert.Contains("cineforge: on the farm: animate: 4 jobs, 0 run, 4 found in the store", second.Lines);
        Assert.Contains("cineforge: on the farm: select: 4 jobs, 0 run, 4 found in the store", second.Lines);
        Assert.Contains(second.Lines, l => l.StartsWith("cineforge: nothing to render: every clip is up to date in ", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Lines, l => l.StartsWith("changed since", StringComparison.Ordinal));

        // --locked on the farm: the same comparison, whichever worker made each artefact; the lock is left as it was.
        Assert.True(lockedExit == ExitCodes.Success, locked.Console.Output + locked.Errors);
        Assert.Contains("cineforge: render --locked: everything rendered matches film.lock.json; the lock was not rewritten.", locked.Lines);
        Assert.Equal(lockBytes, await File.ReadAllBytesAsync(temp.Combine("film.lock.json")));
    }

    [SkippableFact]
    public async Task FarmStatus_ShowsEachShotByStage_WaitingJobs_AndAFailureWithItsReason()
    {
        var farm = CliFarm.Fresh();
        using var temp = new TempFolder();
        var film = (await FilmScript.LoadAsync(Repo.PathOf("examples", "mini-case", "film.csx")))[0];
        var storage = FarmStorage.Open(farm);

        // A film no worker takes yet: keyframes queued, animations and selections awaiting.
        using var stop = new CancellationTokenSource();
        var waiting = new FilmRenderer(dispatcher: new FarmShotDispatcher(storage)).RenderAsync(film, new RenderOptions { OutputDirectory = temp.Combine("waiting"), AssetRoot = Repo.PathOf("examples", "mini-case"), Resolution = new Rules.FrameSize(64, 36) }, cancellationToken: stop.Token);
        while (FarmStatus.Read(storage).Films.Count == 0)
        {
            await Task.Delay(50);
        }

        var pending = new TestCli();
        var pendingExit = await pending.Cli.InvokeAsync(["farm", "status", "--farm", farm]);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        Assert.Equal(ExitCodes.Success, pendingExit);
        Assert.Contains("1 film on the farm", pending.Console.Output, StringComparison.Ordinal);
        Assert.Contains(pending.Lines, l => l.StartsWith($"Rain Check ({temp.Combine("waiting", "rain-check")}): 12 stage jobs: 4 queued, 8 awaiting", StringComparison.Ordinal));
        Assert.Matches(@"shot\s+│\s+keyframe A\s+│\s+animate A\s+│\s+select", pending.Console.Output);
        Assert.Matches(@"01-shelter\s+│\s+queued\s+│\s+awaiting\s+│\s+awaiting", pending.Console.Output);

        // A job refused by the only worker (it has another ffmpeg): the failed stage and its reason.
        var store = new ArtefactStore(temp.Combine("cache"));
        var context = new ShotContext(film, store, FfmpegTool.Locate(), ClipEncoding.Default, new Rules.FrameSize(64, 36), new WorkCounter(), null, "submitter");
        var shot = ShotJob.For(film, store.PutPlan(Serialization.FilmJson.Serialize(film)), 2, temp.Combine("failing"), context, RenderBackends.Previz()) with { Ffmpeg = "0.0-elsewhere" };
        var dispatcher = new FarmShotDispatcher(storage);
        using (CliFarm.Worker(farm, "cli-worker"))
        {
            await Assert.ThrowsAsync<RenderException>(() => dispatcher.SubmitAsync([shot], CancellationToken.None));
        }

        var failed = new TestCli();
        var failedExit = await failed.Cli.InvokeAsync(["farm", "status", "--farm", farm]);

        Assert.Equal(ExitCodes.Success, failedExit);
        Assert.Contains(failed.Lines, l => l.StartsWith($"Rain Check ({temp.Combine("failing")}): 3 stage jobs: 1 failed, 2 stopped", StringComparison.Ordinal));
        Assert.Matches(@"02-waiting\s+│\s+failed\s+│\s+stopped\s+│\s+stopped", failed.Console.Output);
        var keyframe = dispatcher.Jobs.Single(j => j.Stage == ShotStage.Keyframe);
        Assert.Contains(failed.Lines, l => l.StartsWith($"failed: 02-waiting keyframe A (job {keyframe.JobId}): Shot #2 'waiting' of 'Rain Check', keyframe A needs ffmpeg 0.0-elsewhere", StringComparison.Ordinal));
    }
}

/// <summary>The CLI tests' own farm: a database of their own on the test server, emptied for each test.</summary>
internal static class CliFarm
{
    public const string Collection = "cli farm";

    private const string DatabaseName = "cineforge_cli_tests";

    /// <summary>The connection string of an empty farm database, or a skip when no test server is set.</summary>
    public static string Fresh()
    {
        var server = Environment.GetEnvironmentVariable("CINEFORGE_TEST_PG");
        Skip.If(string.IsNullOrWhiteSpace(server), "CINEFORGE_TEST_PG is not set: no PostgreSQL for the farm tests (.ci/run starts one).");
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{DatabaseName}'", admin);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin);
                create.ExecuteNonQuery();
            }
        }

        var farm = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        using (var connection = new NpgsqlConnection(farm))
        {
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {FarmStorage.Schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }

        return farm;
    }

    /// <summary>A previz worker on both queues, served in this process until disposed.</summary>
    public static IDisposable Worker(string farm, string name) => new InProcessWorker(farm, name);

    private sealed class InProcessWorker : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task serving;

        public InProcessWorker(string farm, string name)
        {
            var ready = new TaskCompletionSource();
            serving = FarmWorker.RunAsync(new FarmWorkerOptions(farm, FarmQueues.All, RenderBackends.Previz(), name), _ => ready.TrySetResult(), stop.Token);
            Task.WhenAny(ready.Task, serving).GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            stop.Cancel();
            serving.GetAwaiter().GetResult();
            stop.Dispose();
        }
    }
}

/// <summary>The CLI's farm tests share one database: they run one at a time.</summary>
[CollectionDefinition(CliFarm.Collection, DisableParallelization = true)]
public sealed class CliFarmCollection
{
}
