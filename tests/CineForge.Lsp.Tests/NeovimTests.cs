using System.Diagnostics;

namespace CineForge.Lsp.Tests;

/// <summary>
/// A real editor as the client: Neovim's built-in LSP client, headless, drives <c>cineforge lsp</c>
/// (open, wait for diagnostics, edit to <c>.Duration(7)</c>, wait for CF0201, apply the code action,
/// write the buffer). CI installs Debian's neovim (.ci/run); without nvim on PATH the test is skipped.
/// </summary>
public sealed class NeovimTests
{
    [SkippableFact]
    public void Neovim_shows_CF0201_after_an_edit_and_applies_the_clamp_fix()
    {
        var nvim = FindOnPath("nvim");
        Skip.If(nvim is null, "nvim is not installed (CI installs Debian's neovim)");
        using var folder = new TempFolder();
        var film = folder.Write("film.csx", Films.Clean());
        var output = Path.Combine(folder.Path, "fixed.csx");
        var log = Path.Combine(folder.Path, "nvim.log");
        var start = new ProcessStartInfo(nvim!) { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--headless", "--clean", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + Path.Combine(AppContext.BaseDirectory, "Neovim", "e2e.lua") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CINEFORGE_LSP_CMD"] = string.Join('\t', "dotnet", Films.CineforgeDll, "lsp");
        start.Environment["FILM"] = film;
        start.Environment["OUT"] = output;
        start.Environment["LOG"] = log;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["XDG_STATE_HOME"] = Path.Combine(folder.Path, "state");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(folder.Path, "data");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(folder.Path, "cache");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var finished = process.WaitForExit(300_000);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
        }

        var steps = File.Exists(log) ? File.ReadAllText(log) : "(no log)";
        Assert.True(finished, "nvim finished in time:\n" + steps);
        Assert.True(process.ExitCode == 0, $"nvim exit {process.ExitCode}:\n{steps}");
        Assert.Contains("ok", steps.Split('\n'));
        Assert.Contains("CF0201 at ", steps, StringComparison.Ordinal);
        var fixedText = File.ReadAllText(output);
        Assert.Contains(".Duration(5)", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain(".Duration(7)", fixedText, StringComparison.Ordinal);
    }

    internal static string? FindOnPath(string name) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, name))
        .FirstOrDefault(File.Exists);
}
