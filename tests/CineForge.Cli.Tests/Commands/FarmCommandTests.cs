namespace CineForge.Cli.Tests.Commands;

/// <summary>The farm commands fail at start, naming the database, when it cannot be reached.</summary>
public sealed class FarmCommandTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=films;Username=farm";

    [Fact]
    public async Task RenderOnUnreachableFarm_IsAUsageError_NamingTheDatabase()
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Repo.PathOf("examples", "mini-case", "film.csx"), "--no-cache", "--farm", Unreachable, "--out", Path.Combine(Path.GetTempPath(), "cineforge-farm-cli", Guid.NewGuid().ToString("N")) });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Cannot reach the farm's database (host 127.0.0.1, port 1, database films)", cli.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerOnUnreachableFarm_IsAUsageError_NamingTheDatabase()
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "worker", "--farm", Unreachable, "--queues", "gpu" });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("host 127.0.0.1, port 1, database films", cli.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerWithUnknownQueue_IsAUsageError_NamingTheQueue()
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "worker", "--farm", Unreachable, "--queues", "tpu" });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("Unknown queue(s): tpu", cli.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FarmStatusOnUnreachableFarm_IsAUsageError()
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "farm", "status", "--farm", Unreachable });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("port 1", cli.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerWithMissingModelFolder_IsAUsageError_BeforeReachingTheFarm()
    {
        var cli = new TestCli();
        var missing = Path.Combine(Path.GetTempPath(), "cineforge-no-models", Guid.NewGuid().ToString("N"));

        var exitCode = await cli.Cli.InvokeAsync(new[] { "worker", "--farm", Unreachable, "--models", missing });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--models", cli.Errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot reach", cli.Errors.ToString(), StringComparison.Ordinal);
    }
}
