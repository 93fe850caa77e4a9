using System.Diagnostics;

namespace CineForge.Finishing.Tests;

/// <summary>Debian's chromium, headless, offline, with a throwaway profile.</summary>
internal static class Chromium
{
    public static string? Executable { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Loads <paramref name="html"/> and returns the DOM after scripts ran.</summary>
    public static string DumpDom(string html) => Run(new Uri(html).AbsoluteUri, "--dump-dom");

    /// <summary>Loads <paramref name="url"/> (a fragment scrolls to its section) in a <paramref name="width"/> x <paramref name="height"/> window and saves what it shows to <paramref name="png"/>.</summary>
    public static void Screenshot(string url, string png, int width, int height) =>
        Run(url, "--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars");

    private static string Run(string url, params string[] what)
    {
        var profile = Path.Combine(Path.GetTempPath(), "cineforge-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(profile);
        try
        {
            var info = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=5000",
            }.Concat(what).Append(url))
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish loading " + url);
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"chromium exited {process.ExitCode}: {stderr.Result}");
            }

            return dom;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
