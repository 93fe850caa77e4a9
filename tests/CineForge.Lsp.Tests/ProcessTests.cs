using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CineForge.Lsp.Tests;

/// <summary>The real command: <c>cineforge lsp</c> over stdio, as an editor starts it.</summary>
public sealed partial class ProcessTests
{
    [Fact]
    public async Task Cineforge_lsp_over_stdio_publishes_what_cineforge_check_static_prints_and_exits_0_after_shutdown()
    {
        using var folder = new TempFolder();
        var film = folder.Write("film.csx", File.ReadAllText(Path.Combine(Films.RepoRoot, "examples", "mistakes", "film.csx")));
        var printed = RunCheckStatic(folder.Path, film);
        await using var client = LspClient.Process("--stdio");
        await client.InitializeAsync();

        await client.OpenAsync(film, File.ReadAllText(film));
        var published = await client.DiagnosticsAsync(film);

        var severities = new Dictionary<string, int> { ["error"] = 1, ["warning"] = 2, ["info"] = 3 };
        var expected = printed.Select(m => $"{m.Groups["line"].Value}:{m.Groups["column"].Value} {severities[m.Groups["severity"].Value]} {m.Groups["id"].Value}: {m.Groups["message"].Value}").Order(StringComparer.Ordinal).ToList();
        var actual = published.Diagnostics.Select(d => $"{d.Line + 1}:{d.Character + 1} {d.Severity} {d.Code}: {d.Message}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 30);
        Assert.Equal(expected, actual);
        Assert.Equal(0, await client.ShutdownAsync());
    }

    private static List<Match> RunCheckStatic(string folder, string film)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Films.CineforgeDll, "check", "--static", "--no-progress", Path.GetFileName(film) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CINEFORGE_CACHE"] = Path.Combine(folder, ".cache");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "check finished");
        return output.Result.Split('\n').Select(l => CheckLine().Match(l.TrimEnd('\r'))).Where(m => m.Success).ToList();
    }

    // film.csx(10,11): error CF0201: Shot #1 ... [https://...]
    [GeneratedRegex(@"^(?<file>[^(]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[https?://[^\]]+\])?$")]
    private static partial Regex CheckLine();
}
