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
            new[] { ".editorconfig", ".gitignore", ".vscode/extensions.json", ".vscode/settings.json", ".vscode/tasks.json", "assets/README.md", "film.cs", "film.csx", "omnisharp.json" },
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
    public void VsCodeSettings_StartTheLanguageServer_ThroughTheRecommendedGenericClient()
    {
        var settings = NewCommand.Files("X").Single(f => f.Path == ".vscode/settings.json").Text;
        var extensions = NewCommand.Files("X").Single(f => f.Path == ".vscode/extensions.json").Text;

        Assert.Contains("\"glspc.server.command\": \"cineforge\"", settings, StringComparison.Ordinal);
        Assert.Contains("\"glspc.server.commandArguments\": [\"lsp\"]", settings, StringComparison.Ordinal);
        Assert.Contains("\"glspc.server.languageId\": [\"csharp\"]", settings, StringComparison.Ordinal);
        Assert.Contains("\"*.csx\": \"csharp\"", settings, StringComparison.Ordinal);
        Assert.Contains("\"zsol.vscode-glspc\"", extensions, StringComparison.Ordinal);
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
