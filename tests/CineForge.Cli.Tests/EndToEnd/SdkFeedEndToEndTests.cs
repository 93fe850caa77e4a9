using System.Diagnostics;
using System.Text.Json;

namespace CineForge.Cli.Tests.EndToEnd;

/// <summary>
/// The README's set-up on a fresh copy of the repository: the launcher builds the command and packs
/// CineForge.Sdk into the copy's feed, `cineforge new` scaffolds a film whose nuget.config names
/// that feed, and a plain `dotnet build film.cs` restores the SDK from it (into an empty NuGet
/// cache, so no package left by another build can stand in) and shows the CF diagnostics. One
/// test: the launcher's publish takes a minute or two.
/// </summary>
public sealed class SdkFeedEndToEndTests
{
    private static readonly TimeSpan LauncherLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "Package")]
    public void FreshCopy_LauncherThenNew_DotnetBuildRestoresTheSdkFromTheFeed_AndReportsCFDiagnostics()
    {
        var work = Directory.CreateTempSubdirectory("cineforge-feed-");
        try
        {
            var clone = CopyWorkingTree(Path.Combine(work.FullName, "clone"));

            // The set-up: ./cineforge builds the command and packs the SDK, then scaffolds the film.
            var created = Run(clone, Path.Combine(clone, "cineforge"), ["new", "my-film"], LauncherLimit);
            Assert.True(created.ExitCode == 0, "./cineforge new failed:\n" + created.Output);
            var feed = Path.Combine(clone, "artifacts", "feed");
            var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            var version = Assert.Single(packages, p => p!.StartsWith("CineForge.Sdk.", StringComparison.Ordinal))!["CineForge.Sdk.".Length..^".nupkg".Length];
            Assert.Matches("^0\\.1\\.0-local-[0-9a-f]{16}$", version);
            Assert.Equal(new[] { $"CineForge.Rules.{version}.nupkg", $"CineForge.Sdk.{version}.nupkg" }, packages);
            var film = Path.Combine(clone, "my-film");
            Assert.Contains($"value=\"{feed}\"", File.ReadAllText(Path.Combine(film, "nuget.config")), StringComparison.Ordinal);
            Assert.StartsWith("#:package CineForge.Sdk@0.1.0-*", File.ReadAllText(Path.Combine(film, "film.cs")), StringComparison.Ordinal);

            // A plain build of the scaffold, with an empty NuGet cache: the SDK can only come from the feed.
            var cache = Directory.CreateDirectory(Path.Combine(work.FullName, "nuget-packages")).FullName;
            var clean = Run(film, "dotnet", ["build", "film.cs"], BuildLimit, cache);
            Assert.True(clean.ExitCode == 0, "dotnet build film.cs failed:\n" + clean.Output);
            Assert.DoesNotMatch("(error|warning) CF[0-9]{4}", clean.Output);
            Assert.True(Directory.Exists(Path.Combine(cache, "cineforge.sdk", version)), $"CineForge.Sdk {version} was not restored from the feed:\n" + clean.Output);

            // A shot over 5 s: the package's analyzer fails the build.
            var source = File.ReadAllText(Path.Combine(film, "film.cs"));
            Assert.Contains(".Duration(4)", source, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(film, "film.cs"), source.Replace(".Duration(4)", ".Duration(7)", StringComparison.Ordinal));
            var broken = Run(film, "dotnet", ["build", "film.cs"], BuildLimit, cache);
            Assert.NotEqual(0, broken.ExitCode);
            Assert.Contains("error CF0201", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            DeleteRunfileBuilds(work.FullName);
            work.Delete(recursive: true);
        }
    }

    // The SDK keeps a file-based app's build outside its folder (~/.local/share/dotnet/runfile/film-HASH);
    // the builds of films under this test's folder are not needed again.
    private static void DeleteRunfileBuilds(string under)
    {
        var root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dotnet", "runfile");
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var build in Directory.EnumerateDirectories(root, "film-*"))
        {
            var assets = Path.Combine(build, "obj", "project.assets.json");
            if (File.Exists(assets) && File.ReadAllText(assets).Contains(JsonEncodedText.Encode(under).Value, StringComparison.Ordinal))
            {
                Directory.Delete(build, recursive: true);
            }
        }
    }

    // The repository as it stands (tracked files and new ones git does not ignore; no bin/, obj/ or
    // artifacts/), as a fresh clone would have it plus uncommitted changes.
    private static string CopyWorkingTree(string target)
    {
        var listed = Run(Repo.Root, "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], TimeSpan.FromMinutes(1));
        Assert.True(listed.ExitCode == 0, "git ls-files failed (the test copies the repository's git checkout):\n" + listed.Output);
        foreach (var file in listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            var from = Path.Combine(Repo.Root, file);
            if (!File.Exists(from))
            {
                continue; // deleted in the working tree
            }

            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, File.GetUnixFileMode(from));
            }
        }

        return target;
    }

    private static (int ExitCode, string Output) Run(string directory, string program, string[] arguments, TimeSpan limit, string? nugetPackages = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // No build server or node outlives the build holding this test's output pipes.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment.Remove("CINEFORGE_FEED");
        if (nugetPackages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = nugetPackages;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(" ", arguments)} did not finish in {limit.TotalMinutes} min.");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
