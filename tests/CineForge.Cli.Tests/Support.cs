using System.Diagnostics;
using CineForge.Cli.Commands.Render;
using CineForge.Hosting;
using Spectre.Console.Testing;

namespace CineForge.Cli.Tests;

/// <summary>Paths of the repository, found from the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static string Fixture(string name, string file = "film.csx") => PathOf("tests", "CineForge.Cli.Tests", "Fixtures", name, file);

    // Walks up from the test binaries: CI builds map source paths, so caller paths are no help.
    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CineForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

/// <summary>A scratch folder, deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cineforge-cli-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>What one run of the built command printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public string[] Lines => Output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the built <c>cineforge</c> as a process, the way users and CI do.</summary>
internal static class CliProcess
{
    public static string Assembly { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "cineforge.dll");

    /// <summary>Runs <c>cineforge args</c> in <paramref name="workingDirectory"/> (default: the repository root) with its own compile cache.</summary>
    public static CliRun Run(string cacheDirectory, string? workingDirectory, params string[] args)
        => Run(cacheDirectory, workingDirectory, new Dictionary<string, string?>(), TimeSpan.FromSeconds(120), args);

    /// <summary>As <see cref="Run(string, string?, string[])"/>, with <paramref name="environment"/> set (a null value removes the variable) and a time limit.</summary>
    public static CliRun Run(string cacheDirectory, string? workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan limit, params string[] args)
        => Run(cacheDirectory, workingDirectory, environment, limit, [], args);

    /// <summary>As above, launched through <paramref name="launcher"/> (e.g. <c>setpriv ... --</c> to run as another user): its words go before <c>dotnet</c>.</summary>
    public static CliRun Run(string cacheDirectory, string? workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan limit, IReadOnlyList<string> launcher, params string[] args)
    {
        using var process = Start(cacheDirectory, workingDirectory, environment, launcher, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cineforge " + string.Join(" ", args) + $" did not finish in {limit.TotalSeconds:0} s.");
        }

        return new CliRun(process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Starts <c>cineforge args</c> with standard output and error redirected, for a test that acts while it runs (signals).</summary>
    public static Process Start(string cacheDirectory, string? workingDirectory, IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> launcher, params string[] args)
    {
        var command = launcher.Concat(["dotnet", Assembly]).Concat(args).ToList();
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory ?? Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[ScriptCache.DirectoryVariable] = cacheDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start)!;
    }
}

/// <summary>The command line in-process, against Spectre's TestConsole.</summary>
internal sealed class TestCli
{
    public TestCli(IFilmRenderer? renderer = null)
    {
        Console = new TestConsole();
        Console.Profile.Width = 200;
        Cli = new CineForgeCli(Console, Errors, renderer ?? new UnavailableRenderer(), AnalyzerSet.CineForge);
    }

    public TestCli(FilmRenderers renderers)
    {
        Console = new TestConsole();
        Console.Profile.Width = 200;
        Cli = new CineForgeCli(Console, Errors, renderers, AnalyzerSet.CineForge);
    }

    public TestConsole Console { get; }

    public StringWriter Errors { get; } = new();

    public CineForgeCli Cli { get; }

    public string[] Lines => Console.Output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Plain approved files: expected text under Approved/; run with CINEFORGE_APPROVE=1 to rewrite, then review the diff.</summary>
internal static class Approval
{
    public static void Verify(string name, string actual)
    {
        var path = Repo.PathOf("tests", "CineForge.Cli.Tests", "Approved", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("CINEFORGE_APPROVE") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No approved file {path}; run the tests with CINEFORGE_APPROVE=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
