using System.Diagnostics;
using System.Text;

namespace CineForge.Finishing.Media;

/// <summary>Runs Debian's <c>ffmpeg</c>. Arguments go through <see cref="ProcessStartInfo.ArgumentList"/>, so filter graphs need no shell quoting.</summary>
public static class Ffmpeg
{
    /// <summary>Runs ffmpeg with <paramref name="arguments"/>; returns its standard error (logs, filter reports).</summary>
    /// <exception cref="FinishingException">ffmpeg is missing or exits non-zero; the message carries its last lines.</exception>
    public static string Run(IEnumerable<string> arguments, string what, CancellationToken cancellationToken = default)
        => RunTool("ffmpeg", new[] { "-hide_banner", "-nostdin", "-y" }.Concat(arguments), what, null, cancellationToken).Stderr;

    /// <summary>Runs ffmpeg and hands its standard output (raw frames) to <paramref name="readOutput"/> as it arrives.</summary>
    public static void RunStreaming(IEnumerable<string> arguments, string what, Action<Stream> readOutput, CancellationToken cancellationToken = default)
        => RunTool("ffmpeg", new[] { "-hide_banner", "-nostdin", "-loglevel", "error" }.Concat(arguments), what, readOutput, cancellationToken);

    /// <summary>"ffmpeg version 5.1.9-0+deb12u1": recorded in the settings log and in cache keys.</summary>
    public static string Version => LazyVersion.Value;

    private static readonly Lazy<string> LazyVersion = new(() =>
    {
        var (_, output) = RunTool("ffmpeg", new[] { "-version" }, "ffmpeg -version", null, CancellationToken.None, captureStdout: true);
        // "ffmpeg version 5.1.9-0+deb12u1 Copyright (c) ...": keep the name and the version.
        return string.Join(' ', output.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
    });

    private static (string Stderr, string Stdout) RunTool(string tool, IEnumerable<string> arguments, string what, Action<Stream>? readOutput, CancellationToken cancellationToken, bool captureStdout = false)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new FinishingException($"{what}: could not start {tool}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new FinishingException($"{what}: {tool} is not installed (apt-get install ffmpeg).", inner: ex);
        }

        using (process)
        using (cancellationToken.Register(() => TryKill(process)))
        {
            var stderr = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (stderr)
                    {
                        stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            var stdout = string.Empty;
            if (readOutput is not null)
            {
                readOutput(process.StandardOutput.BaseStream);
                process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            }
            else if (captureStdout)
            {
                stdout = process.StandardOutput.ReadToEnd();
            }
            else
            {
                process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            }

            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            string log;
            lock (stderr)
            {
                log = stderr.ToString();
            }

            if (process.ExitCode != 0)
            {
                throw new FinishingException($"{what}: ffmpeg failed (exit {process.ExitCode}): {Tail(log)}");
            }

            return (log, stdout);
        }
    }

    private static string Tail(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 4)));
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
