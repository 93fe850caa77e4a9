using CineForge.Farm;

namespace CineForge.Cli.Tests.Commands;

/// <summary>The farm's connection string off the command line: from the environment or a file, and never printed with its password.</summary>
public sealed class FarmConnectionTests : IDisposable
{
    private const string Secret = "hunter2-not-for-ps";

    // Nothing listens on port 1: every command fails to reach it, quickly.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=farm;Username=farm;Password=" + Secret;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Option_ComesFirst_ThenTheFile_ThenTheVariable()
    {
        var file = temp.Combine("farm.conn");
        File.WriteAllText(file, "# the farm\n\nHost=from-file;Database=farm\n");
        var both = new Dictionary<string, string?> { [FarmConnection.FileVariable] = file, [FarmConnection.Variable] = "Host=from-variable" };

        Assert.Equal("Host=from-option", FarmConnection.Resolve("Host=from-option", n => both.GetValueOrDefault(n)));
        Assert.Equal("Host=from-file;Database=farm", FarmConnection.Resolve(null, n => both.GetValueOrDefault(n)));
        Assert.Equal("Host=from-variable", FarmConnection.Resolve(string.Empty, n => n == FarmConnection.Variable ? "Host=from-variable" : null));
        Assert.Null(FarmConnection.Resolve(null, _ => null));
    }

    [Fact]
    public void UnreadableOrEmptyFile_IsAnErrorNamingIt()
    {
        var empty = temp.Combine("empty.conn");
        File.WriteAllText(empty, "# nothing here\n");

        Assert.Contains("cannot be read", Assert.Throws<FarmException>(() => FarmConnection.Resolve(null, _ => temp.Combine("missing.conn"))).Message, StringComparison.Ordinal);
        Assert.Contains("holds no connection string", Assert.Throws<FarmException>(() => FarmConnection.Resolve(null, n => n == FarmConnection.FileVariable ? empty : null)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("farm", "status")]
    [InlineData("worker")]
    public void NoConnectionAnywhere_IsAUsageError_NamingWhereItCanCome(params string[] command)
    {
        var run = CliProcess.Run(temp.Path, null, new Dictionary<string, string?> { [FarmConnection.Variable] = null, [FarmConnection.FileVariable] = null }, TimeSpan.FromSeconds(120), command);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(FarmConnection.Variable, run.Errors, StringComparison.Ordinal);
        Assert.Contains(FarmConnection.FileVariable, run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FarmConnection.Variable, "farm", "status")]
    [InlineData(FarmConnection.Variable, "worker")]
    [InlineData(FarmConnection.FileVariable, "farm", "status")]
    [InlineData(FarmConnection.FileVariable, "render", "examples/mini-case/film.csx", "--no-progress", "--farm")]
    public void ConnectionFromTheEnvironment_IsUsed_AndItsFailureNeverShowsThePassword(string variable, params string[] command)
    {
        var file = temp.Combine("farm.conn");
        File.WriteAllText(file, Unreachable + "\n");
        var environment = new Dictionary<string, string?>
        {
            [FarmConnection.Variable] = variable == FarmConnection.Variable ? Unreachable : null,
            [FarmConnection.FileVariable] = variable == FarmConnection.FileVariable ? file : null,
        };

        var run = CliProcess.Run(temp.Path, null, environment, TimeSpan.FromSeconds(120), command);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Cannot reach the farm's database (host 127.0.0.1, port 1, database farm)", run.Output + run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output + run.Errors, StringComparison.Ordinal);
    }
}
