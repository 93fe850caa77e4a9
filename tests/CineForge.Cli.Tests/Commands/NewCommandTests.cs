using CineForge.Cli.Commands.Check;
using CineForge.Cli.Commands.New;

namespace CineForge.Cli.Tests.Commands;

public sealed class NewCommandTests
{
    [Theory]
    [InlineData("night-train", "Night Train")]
    [InlineData("morning_serum", "Morning Serum")]
    [InlineData("solo", "Solo")]
    public void TitleOf_NameInTitleCase(string name, string title) => Assert.Equal(title, NewCommand.TitleOf(name));

    [Fact]
    public void Files_AreTheDocumentedScaffold_WithNoPlaceholderLeft()
    {
        var files = NewCommand.Files("Night Train");

        Assert.Equal(
            new[] { ".editorconfig", ".gitignore", ".vscode/settings.json", ".vscode/tasks.json", "assets/README.md", "film.cs", "film.csx", "omnisharp.json" },
            files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.DoesNotContain(files, f => f.Text.Contains("{{", StringComparison.Ordinal));
    }

    [Fact]
    public void VsCodeTask_WatchesWithTheCompilerProblemMatcher_AndTheCommandsMarkers()
    {
        var tasks = NewCommand.Files("X").Single(f => f.Path == ".vscode/tasks.json").Text;

        Assert.Contains("\"$msCompile\"", tasks, StringComparison.Ordinal);
        Assert.Contains("\"beginsPattern\": \"^" + CheckCommand.WatchBegins + "\"", tasks, StringComparison.Ordinal);
        Assert.Contains("\"endsPattern\": \"^cineforge: watching for changes\"", tasks, StringComparison.Ordinal);
        Assert.StartsWith("cineforge: watching for changes", CheckCommand.WatchEnds, StringComparison.Ordinal);
    }

    [Fact]
    public void GitIgnore_KeepsRenderOutputsAndTheCacheOut()
    {
        var ignore = NewCommand.Files("X").Single(f => f.Path == ".gitignore").Text;

        Assert.Contains("render/", ignore, StringComparison.Ordinal);
        Assert.Contains(".cineforge/", ignore, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidName_IsAUsageError()
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(new[] { "new", ".." });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("cineforge: '..' is not a film name", cli.Errors.ToString(), StringComparison.Ordinal);
    }
}
