using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CineForge.Runtime.Media;

/// <summary>
/// The render's one media layer: the ffmpeg executable (and the ffprobe beside it), which version it
/// is, and how both halves of the render run it. FFmpeg is driven with plain <see cref="Process"/>
/// pipes: arguments go through <see cref="ProcessStartInfo.ArgumentList"/> (no shell quoting), and the
/// argument list is part of every cache key. Every failure is a <see cref="RenderException"/>.
/// </summary>
public sealed partial class FfmpegTool
{
    /// <summary>Oldest major version the runtime's arguments are tested with (Debian 12 ships 5.1).</summary>
    public const int MinimumMajorVersion = 5;

    /// <summary>The oldest minor release of <see cref="MinimumMajorVersion"/>: 5.1 brought <c>-fps_mode</c>, which the finishing stream's measured outputs use.</summary>
    public const int MinimumMinorVersion = 1;

    private static readonly Lazy<FfmpegTool> LazyDefault = new(() => Locate());

    // Stops every run of this tool, whatever token its caller passes (see StoppedBy).
    private readonly CancellationToken stop;

    private FfmpegTool(string path, string probePath, string version, CancellationToken stop = default)
    {
        Path = path;
        ProbePath = probePath;
        Version = version;
        this.stop = stop;
    }

    /// <summary>The ffmpeg found as for a render with no <c>--ffmpeg</c>: CINEFORGE_FFMPEG, else "ffmpeg" on the PATH (located once).</summary>
    public static FfmpegTool Default => LazyDefault.Value;

    /// <summary>The executable.</summary>
    public string Path { get; }

    /// <summary>
    /// The ffprobe that goes with <see cref="Path"/>: CINEFORGE_FFPROBE, else the file beside ffmpeg named
    /// as ffmpeg is with "ffprobe" for "ffmpeg" ("/opt/ff/ffmpeg" → "/opt/ff/ffprobe"), else "ffprobe" on the PATH.
    /// </summary>
    public string ProbePath { get; }

    /// <summary>The version line's version ("5.1.9-0+deb12u1"); part of every cache key and of the lock.</summary>
    public string Version { get; }

    /// <summary>Finds and probes ffmpeg: <paramref name="path"/> when given, else CINEFORGE_FFMPEG, else "ffmpeg" on the PATH.</summary>
    /// <exception cref="RenderException">ffmpeg is missing, does not run, or is older than <see cref="MinimumMajorVersion"/>.</exception>
    public static FfmpegTool Locate(string? path = null)
    {
        var candidate = path ?? Environment.GetEnvironmentVariable("CINEFORGE_FFMPEG") ?? "ffmpeg";
        string output;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(candidate, "-hide_banner -version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new RenderException($"ffmpeg ('{candidate}') could not be started.");
            // Standard error drained too: unread, a wrapper that logs there would fill the pipe and block.
            var errors = StreamDrain.Start(process.StandardError);
            output = process.StandardOutput.ReadToEnd();
            errors.WaitForEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new RenderException($"ffmpeg ('{candidate}') exited with code {process.ExitCode} when asked for its version.");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RenderException($"ffmpeg not found ('{candidate}': {ex.Message}). Install it (Debian: apt-get install -y ffmpeg) or pass its path with --ffmpeg / CINEFORGE_FFMPEG.", ex);
        }

        var match = VersionLine().Match(output);
        if (!match.Success)
        {
            throw new RenderException($"'{candidate}' does not look like ffmpeg: its -version output has no 'ffmpeg version' line.");
        }

        var version = match.Groups["version"].Value;
        // Release builds say "5.1.9"; git builds ("N-12345-g...") are newer than any release.
        var release = MajorVersion().Match(version);
        if (release.Success && (int.Parse(release.Groups["major"].Value, CultureInfo.InvariantCulture), int.Parse(release.Groups["minor"].Value, CultureInfo.InvariantCulture)).CompareTo((MinimumMajorVersion, MinimumMinorVersion)) < 0)
        {
            throw new RenderException($"ffmpeg {version} at '{candidate}' is too old: CineForge needs {MinimumMajorVersion}.{MinimumMinorVersion} or newer.");
        }

        if (!output.Contains("--enable-libx264", StringComparison.Ordinal))
        {
            throw new RenderException($"ffmpeg {version} at '{candidate}' was built without libx264, which the clip encoder needs.");
        }

        return new FfmpegTool(candidate, ProbeBeside(candidate), version);
    }

    /// <summary>
    /// This ffmpeg, with every run it starts stopped (its process tree killed, <see cref="OperationCanceledException"/>
    /// thrown) once <paramref name="stopToken"/> fires, as well as by the token each call passes. A render binds
    /// its tool to its own token, so an interrupt stops every ffmpeg it started, also those of stages that pass none.
    /// </summary>
    public FfmpegTool StoppedBy(CancellationToken stopToken) => new(Path, ProbePath, Version, stopToken);

    /// <summary>The token that stops a run: <paramref name="cancellationToken"/> or the one this tool is bound to (<see cref="StoppedBy"/>); dispose it after the run.</summary>
    internal CancellationTokenSource StopOf(CancellationToken cancellationToken) => CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop);

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (after <c>-hide_banner -nostdin -y</c>); returns its standard error (logs, filter reports).</summary>
    /// <exception cref="RenderException">ffmpeg does not start or exits non-zero; the message starts with <paramref name="what"/> and carries its last lines.</exception>
    public string Run(IEnumerable<string> arguments, string what, CancellationToken cancellationToken = default)
        => RunProcess(Path, new[] { "-hide_banner", "-nostdin", "-y" }.Concat(arguments), what, null, cancellationToken).Stderr;

    /// <summary>Runs ffmpeg (errors only on standard error) and hands its standard output (raw frames) to <paramref name="readOutput"/> as it arrives.</summary>
    /// <exception cref="RenderException">ffmpeg does not start or exits non-zero.</exception>
    public void RunStreaming(IEnumerable<string> arguments, string what, Action<Stream> readOutput, CancellationToken cancellationToken = default)
        => RunProcess(Path, new[] { "-hide_banner", "-nostdin", "-loglevel", "error" }.Concat(arguments), what, readOutput, cancellationToken);

    /// <summary>What ffprobe (<see cref="ProbePath"/>) says about <paramref name="file"/>.</summary>
    /// <exception cref="RenderException">ffprobe cannot read the file, or it holds no audio or video stream.</exception>
    public MediaInfo Probe(string file, CancellationToken cancellationToken = default)
    {
        string json = string.Empty;
        RunProcess(ProbePath, new[] { "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file }, $"{file}: ffprobe", stdout => json = new StreamReader(stdout).ReadToEnd(), cancellationToken);
        try
        {
            return MediaInfo.FromProbe(json) ?? throw new RenderException($"{file}: holds no audio or video stream.");
        }
        catch (JsonException ex)
        {
            throw new RenderException($"{file}: ffprobe printed no readable JSON ({ex.Message}).", ex);
        }
    }

    // ffprobe beside ffmpeg, so --ffmpeg names both; the PATH's only when there is none beside it.
    private static string ProbeBeside(string ffmpeg)
    {
        if (Environment.GetEnvironmentVariable("CINEFORGE_FFPROBE") is { Length: > 0 } configured)
        {
            return configured;
        }

        var name = System.IO.Path.GetFileName(ffmpeg);
        var probeName = name.Contains("ffmpeg", StringComparison.Ordinal) ? name.Replace("ffmpeg", "ffprobe", StringComparison.Ordinal) : "ffprobe";
        var folder = System.IO.Path.GetDirectoryName(ffmpeg);
        if (!string.IsNullOrEmpty(folder) && File.Exists(System.IO.Path.Combine(folder, probeName)))
        {
            return System.IO.Path.Combine(folder, probeName);
        }

        return "ffprobe";
    }

    private (string Stderr, int ExitCode) RunProcess(string tool, IEnumerable<string> arguments, string what, Action<Stream>? readOutput, CancellationToken callToken)
    {
        using var stopSource = StopOf(callToken);
        var cancellationToken = stopSource.Token;
        cancellationToken.ThrowIfCancellationRequested();
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
            process = Process.Start(info) ?? throw new RenderException($"{what}: could not start {tool}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RenderException($"{what}: {tool} could not be started ({ex.Message}); install ffmpeg (apt-get install ffmpeg) or pass its path with --ffmpeg / CINEFORGE_FFMPEG.", ex);
        }

        using (process)
        using (cancellationToken.Register(() => TryKill(process)))
        {
            // Standard error on a thread of its own, standard output here: WaitForExit then waits
            // for the exit only, and no step needs a free thread-pool thread to finish.
            var stderr = StreamDrain.Start(process.StandardError);
            string log;
            try
            {
                readOutput?.Invoke(process.StandardOutput.BaseStream);
                process.StandardOutput.BaseStream.CopyTo(Stream.Null);
                log = stderr.WaitForEnd();
                process.WaitForExit();
            }
            catch
            {
                // A reader that gives up must not leave ffmpeg running.
                TryKill(process);
                throw;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                throw new RenderException($"{what}: {System.IO.Path.GetFileName(tool)} failed (exit {process.ExitCode}): {Tail(log)}");
            }

            return (log, process.ExitCode);
        }
    }

    private static string Tail(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 4)));
    }

    /// <summary>Kills <paramref name="process"/> and its children; one that already exited is left as it is.</summary>
    internal static void TryKill(Process process)
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

    [GeneratedRegex(@"ffmpeg version (?<version>\S+)")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)")]
    private static partial Regex MajorVersion();
}
