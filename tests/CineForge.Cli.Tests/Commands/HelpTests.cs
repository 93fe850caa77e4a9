namespace CineForge.Cli.Tests.Commands;

public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("render", "--help")]
    [InlineData("models", "check", "--help")]
    public async Task Help_EndsWithEveryExitCode(params string[] args)
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            Assert.Contains($"  {code,-5}{meaning}", cli.Console.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCommand_IsAUsageError()
    {
        var cli = new TestCli();

        Assert.Equal(ExitCodes.Usage, await cli.Cli.InvokeAsync(Array.Empty<string>()));
    }
}
