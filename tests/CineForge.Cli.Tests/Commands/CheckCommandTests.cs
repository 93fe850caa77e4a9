using CineForge.Cli.Commands.Check;
using CineForge.Hosting;
using Spectre.Console.Testing;

namespace CineForge.Cli.Tests.Commands;

/// <summary>check in-process against TestConsole: output, SARIF file, watch mode.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task SarifOutput_WritesTheLogToTheFile_AndNothingToTheConsole()
    {
        var cli = new TestCli();
        var sarif = temp.Combine("out", "cineforge.sarif");

        var exitCode = await cli.Cli.InvokeAsync(new[] { "check", "--format", "sarif", "--output", sarif, "--no-cache", Repo.PathOf("examples", "mistakes", "film.csx") });

        Assert.Equal(ExitCodes.FilmErrors, exitCode);
        Assert.Equal(string.Empty, cli.Console.Output);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputWithoutSarif_IsAUsageError()
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "check", "--output", temp.Combine("x.sarif"), Repo.PathOf("examples", "mini-case", "film.csx") });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("cineforge: --output writes the SARIF log: use it with --format sarif", cli.Errors.ToString().Trim());
    }

    [Fact]
    public async Task FolderWithoutFilm_IsAUsageError()
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "check", temp.Path });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal($"cineforge: {temp.Path}: the folder holds no film.csx or film.cs", cli.Errors.ToString().Trim());
    }

    [Fact]
    public async Task Watch_ChecksAgainWhenTheFilmChanges()
    {
        File.Copy(Repo.Fixture("warnings-only"), temp.Combine("film.csx"));
        var console = new TestConsole();
        console.Profile.Width = 300;
        var command = new CheckCommand(console, new StringWriter(), new FilmChecker(console, AnalyzerSet.None)) { WatchInterval = TimeSpan.FromMilliseconds(50) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var watching = command.ExecuteAsync(new CheckSettings { Film = temp.Combine("film.csx"), Watch = true, Global = GlobalSettings.Default with { NoCache = true } }, stop.Token);
        await WaitFor(() => Count(console, CheckCommand.WatchEnds) == 1, stop.Token);
        File.WriteAllText(temp.Combine("film.csx"), File.ReadAllText(temp.Combine("film.csx")).Replace(".Motion(0.5)", ".Motion(0.35)", StringComparison.Ordinal));
        await WaitFor(() => Count(console, CheckCommand.WatchEnds) == 2, stop.Token);
        stop.Cancel();

        Assert.Equal(ExitCodes.Success, await watching);
        var runs = console.Output.Split(CheckCommand.WatchBegins, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, runs.Length);
        Assert.Contains("warning CF0204", runs[0], StringComparison.Ordinal);
        Assert.Contains("0 errors, 0 warnings, 0 infos.", runs[1], StringComparison.Ordinal);
    }

    private static int Count(TestConsole console, string line) => console.Output.Split('\n').Count(l => l.TrimEnd() == line);

    private static async Task WaitFor(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
