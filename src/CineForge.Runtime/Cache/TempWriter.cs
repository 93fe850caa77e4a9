using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CineForge.Runtime.Cache;

/// <summary>
/// The process that wrote a temporary file, as the file's name records it (<c>&lt;pid&gt;-&lt;guid&gt;@&lt;host&gt;</c>),
/// so a render can tell the leftovers of a dead render from the work of a live one.
/// </summary>
/// <param name="ProcessId">The writer's process id.</param>
/// <param name="Host">The writer's host name (lower case, <c>[a-z0-9.-]</c>); null in names written before hosts were recorded.</param>
internal sealed partial record TempWriter(int ProcessId, string? Host)
{
    /// <summary>This process.</summary>
    public static TempWriter Current { get; } = new(Environment.ProcessId, HostName(Environment.MachineName));

    /// <summary>
    /// True when the writer ran on this host and its process is gone. A writer on another host (machines
    /// of a farm sharing the store) or on an unknown host is never judged here: its pid means nothing on this machine.
    /// </summary>
    public bool IsGone(Func<int, bool> isRunning) => Host is not null && Host == Current.Host && ProcessId != Current.ProcessId && !isRunning(ProcessId);

    /// <summary>The name part that identifies one temporary file of this writer.</summary>
    public string Tag(Guid id) => Host is null ? $"{ProcessId}-{id:N}" : $"{ProcessId}-{id:N}@{Host}";

    /// <summary>The writer named by a temporary file's name, or null when the name is not one that <see cref="AtomicFile"/> writes.</summary>
    public static TempWriter? FromTempName(string fileName)
    {
        var match = TempName().Match(fileName);
        return match.Success && int.TryParse(match.Groups["pid"].ValueSpan, out var pid)
            ? new TempWriter(pid, match.Groups["host"].Success ? match.Groups["host"].Value : null)
            : null;
    }

    /// <summary>Whether a process with id <paramref name="processId"/> runs on this machine.</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // Host names go into file names: lower case, and nothing a file system or the pattern above would trip on.
    private static string HostName(string machine)
    {
        var chars = machine.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' ? c : '-').ToArray();
        return chars.Length == 0 ? "host" : new string(chars);
    }

    [GeneratedRegex(@"\.(?<pid>\d{1,10})-[0-9a-f]{32}(@(?<host>[a-z0-9.-]+))?\.tmp$")]
    private static partial Regex TempName();
}
