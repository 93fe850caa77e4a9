using CineForge.Cli.Commands.Check;
using CineForge.Cli.Commands.New;
using CineForge.Hosting;
using Spectre.Console.Testing;

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
            new[] { ".editorconfig", ".gitignore", ".vscode/extensions.json", ".vscode/settings.json", ".vscode/tasks.json", "Directory.Build.props", "assets/README.md", "film.cs", "film.csx", "omnisharp.json" },
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

    [Fact]
    public void Films_AskForAnyBuildOfTheCarriedRelease()
    {
        var files = NewCommand.Files("X");

        Assert.Equal(SdkPackage.Release + "-*", SdkPackage.Request);
        Assert.StartsWith("#:package CineForge.Sdk@" + SdkPackage.Request + "\n", files.Single(f => f.Path == "film.cs").Text.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Contains("#r \"nuget: CineForge.Sdk, " + SdkPackage.Request + "\"", files.Single(f => f.Path == "film.csx").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAFeed_NuGetConfigNamesIt_AndKeepsNuGetOrgForTheRest()
    {
        using var temp = new TempFolder();
        var feed = new SdkFeed(temp.Combine("a & b", "feed"), ["0.1.0-local-0123abcd"]);

        var config = Assert.Single(NewCommand.Files("X", feed), f => f.Path == "nuget.config").Text;

        var sources = System.Xml.Linq.XDocument.Parse(config).Root!.Element("packageSources")!.Elements().ToList();
        Assert.Equal(new[] { "clear", "add", "add" }, sources.Select(e => e.Name.LocalName));
        Assert.Equal(temp.Combine("a & b", "feed"), sources[1].Attribute("value")!.Value);
        Assert.Equal("https://api.nuget.org/v3/index.json", sources[2].Attribute("value")!.Value);
    }

    [Fact]
    public void SdkFeed_ListsTheSdkVersionsItHolds()
    {
        using var temp = new TempFolder();
        foreach (var file in new[] { "CineForge.Sdk.0.1.0-local-0123abcd.nupkg", "CineForge.Rules.0.1.0-local-0123abcd.nupkg", "CineForge.Sdk.Extras.1.0.0.nupkg", "notes.txt" })
        {
            File.WriteAllText(temp.Combine(file), string.Empty);
        }

        var feed = SdkFeed.Locate(temp.Path);

        Assert.Equal(new[] { "0.1.0-local-0123abcd" }, feed.SdkVersions);
        Assert.True(feed.HasSdk);
        Assert.Empty(SdkFeed.VersionsIn(temp.Combine("missing")));
    }

    [Fact]
    public void New_WithTheFeed_WritesItsNuGetConfig()
    {
        using var temp = new TempFolder();
        var feed = Directory.CreateDirectory(temp.Combine("feed")).FullName;
        File.WriteAllText(Path.Combine(feed, $"CineForge.Sdk.{SdkPackage.Version}.nupkg"), string.Empty);
        var errors = new StringWriter();

        var exitCode = new NewCommand(new TestConsole(), errors).Execute(new NewSettings { Name = "night-train", OutputDirectory = temp.Combine("night-train"), FeedDirectory = feed });

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(string.Empty, errors.ToString());
        Assert.Contains($"value=\"{feed}\"", File.ReadAllText(temp.Combine("night-train", "nuget.config")), StringComparison.Ordinal);
    }

    [Fact]
    public void New_WithoutTheFeed_SaysHowToGetIt_AndWritesTheRest()
    {
        using var temp = new TempFolder();
        var errors = new StringWriter();

        var exitCode = new NewCommand(new TestConsole(), errors).Execute(new NewSettings { Name = "night-train", OutputDirectory = temp.Combine("night-train"), FeedDirectory = temp.Combine("no-feed") });

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith($"cineforge: warning: no CineForge.Sdk package in {temp.Combine("no-feed")}, so night-train/ has no nuget.config", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("artifacts/feed/", errors.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("night-train", "film.cs")));
        Assert.False(File.Exists(temp.Combine("night-train", "nuget.config")));
    }

    [Fact]
    public void New_WithAStaleFeed_SaysToRepack()
    {
        using var temp = new TempFolder();
        var feed = Directory.CreateDirectory(temp.Combine("feed")).FullName;
        File.WriteAllText(Path.Combine(feed, "CineForge.Sdk.0.0.9-local-0123abcd.nupkg"), string.Empty);
        var errors = new StringWriter();

        var exitCode = new NewCommand(new TestConsole(), errors).Execute(new NewSettings { Name = "night-train", OutputDirectory = temp.Combine("night-train"), FeedDirectory = feed });

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith($"cineforge: warning: {feed} holds CineForge.Sdk 0.0.9-local-0123abcd, not {SdkPackage.Version}", errors.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("night-train", "nuget.config")));
    }
}
