namespace CineForge.Runtime.Tests;

/// <summary>Running processes, from /proc: to prove that a stopped render left no ffmpeg behind.</summary>
internal static class Processes
{
    /// <summary>The command lines of running processes with an argument containing <paramref name="text"/> (Linux; none elsewhere).</summary>
    public static IReadOnlyList<string> WithArgumentContaining(string text)
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var arguments = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                if (arguments.Any(a => a.Contains(text, StringComparison.Ordinal)) && !IsZombie(folder))
                {
                    found.Add(string.Join(' ', arguments));
                }
            }
            catch (IOException)
            {
                // Ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>The pid of a process that has run and ended: it names no running process (pids are not reused this fast).</summary>
    public static int DeadId()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static bool IsZombie(string folder)
    {
        var stat = File.ReadAllText(Path.Combine(folder, "stat"));
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
    }
}
