using System.Diagnostics;

namespace CineForge.Analyzers.Tests.Packaging;

/// <summary>
/// The analyzers travel in the SDK's package: a plain .csproj that references CineForge.Sdk shows a
/// CF warning in `dotnet build` output, a CF error fails its build, and .editorconfig re-grades a
/// rule. One test, because packing and restoring dominate its time.
/// </summary>
public sealed class PackageBuildTests
{
    [Fact]
    [Trait("Category", "Package")]
    public void ProjectReferencingThePackage_ReportsWarningsAndFailsOnErrors()
    {
        var work = Directory.CreateTempSubdirectory("cineforge-pack-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            foreach (var project in new[] { "CineForge.Rules", "CineForge.Sdk" })
            {
                Run(Repository.Root, "pack", Repository.PathOf("src", project, project + ".csproj"), "-c", configuration, "--no-build", "-o", feed, "-nologo");
            }

            var app = Directory.CreateDirectory(Path.Combine(work.FullName, "film"));
            File.WriteAllText(Path.Combine(app.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app.FullName, "film.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RestorePackagesPath>{Path.Combine(work.FullName, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup><PackageReference Include="CineForge.Sdk" Version="0.1.0" /></ItemGroup>
                </Project>
                """);
            var program = Path.Combine(app.FullName, "Program.cs");

            File.WriteAllText(program, """
                using CineForge;
                System.Console.WriteLine(Shot.TightPortrait("a tired nurse").Seed(7).Fps(30).Name);
                """);
            var warned = Run(app.FullName, "build", "-nologo", "-p:UseSharedCompilation=false");
            Assert.Equal(0, warned.ExitCode);
            Assert.Contains("warning CF0203", warned.Output, StringComparison.Ordinal);

            // A CF error fails the build; .editorconfig re-grades a rule (here the fps warning to an error).
            File.WriteAllText(program, """
                using CineForge;
                System.Console.WriteLine(Shot.TightPortrait("a tired nurse").Seed(7).Fps(30).Duration(9).Name);
                """);
            File.WriteAllText(Path.Combine(app.FullName, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.CF0203.severity = error\n");
            var failed = Run(app.FullName, "build", "-nologo", "-p:UseSharedCompilation=false");
            Assert.NotEqual(0, failed.ExitCode);
            Assert.Contains("error CF0201", failed.Output, StringComparison.Ordinal);
            Assert.Contains("error CF0203", failed.Output, StringComparison.Ordinal);

            // The design card's chain as written: presets without an argument, CF0201 at Duration(7), CF0101 on the unseeded shot.
            File.Delete(Path.Combine(app.FullName, ".editorconfig"));
            File.WriteAllText(program, """
                using CineForge;
                var film = Film.Titled("Card")
                    .Shot(Shot.TightPortrait().Duration(7).Motion(0.35).Seed(42))
                    .Shot(Shot.ObjectDetail().Duration(3).Motion(0.3));
                System.Console.WriteLine(film.Title);
                """);
            var card = Run(app.FullName, "build", "-nologo", "-p:UseSharedCompilation=false");
            Assert.NotEqual(0, card.ExitCode);
            Assert.Matches(@"Program\.cs\(3,32\): error CF0201", card.Output);
            Assert.Matches(@"Program\.cs\(4,11\): error CF0101", card.Output);
            Assert.DoesNotMatch(@"error CS\d", card.Output);
            Assert.DoesNotContain("AD0001", warned.Output + failed.Output + card.Output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        if (arguments[0] == "pack" && process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet " + string.Join(" ", arguments) + " failed:\n" + output);
        }

        return (process.ExitCode, output);
    }
}
