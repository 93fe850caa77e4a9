using System.Diagnostics;

namespace CineForge.Lsp.Tests;

/// <summary>
/// Emacs with eglot as the client, in batch mode: the same steps as the Neovim test. CI does not
/// install Emacs; where <c>emacs</c> and eglot are there (Debian: emacs-nox, elpa-eglot) it runs.
/// </summary>
public sealed class EmacsTests
{
    [SkippableFact]
    public void Emacs_eglot_shows_CF0201_after_an_edit_and_applies_the_clamp_fix()
    {
        var emacs = NeovimTests.FindOnPath("emacs");
        Skip.If(emacs is null, "emacs is not installed");
        Skip.IfNot(Directory.Exists("/usr/share/emacs/site-lisp/elpa-src") && Directory.EnumerateDirectories("/usr/share/emacs/site-lisp/elpa-src", "eglot-*").Any() || HasBuiltInEglot(emacs!), "eglot is not installed");
        using var folder = new TempFolder();
        var film = folder.Write("film.csx", Films.Clean());
        var output = Path.Combine(folder.Path, "fixed.csx");
        var start = new ProcessStartInfo(emacs!) { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--batch", "-Q", "-l", Path.Combine(AppContext.BaseDirectory, "Emacs", "eglot.el") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CINEFORGE_DLL"] = Films.CineforgeDll;
        start.Environment["FILM"] = film;
        start.Environment["OUT"] = output;
        start.Environment["HOME"] = folder.Path;
        using var process = Process.Start(start)!;
        var steps = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var finished = process.WaitForExit(300_000);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
        }

        var log = steps.Result + errors.Result;
        Assert.True(finished && process.ExitCode == 0, $"emacs exit {(finished ? process.ExitCode : -1)}:\n{log}");
        Assert.Contains("\"CF0201\"", log, StringComparison.Ordinal);
        Assert.Contains(".Duration(5)", File.ReadAllText(output), StringComparison.Ordinal);
    }

    private static bool HasBuiltInEglot(string emacs)
    {
        using var process = Process.Start(new ProcessStartInfo(emacs, "--batch -Q --eval \"(princ (if (locate-library \\\"eglot\\\") 1 0))\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000);
        return output.Trim() == "1";
    }
}
