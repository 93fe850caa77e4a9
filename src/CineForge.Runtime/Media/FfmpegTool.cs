using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CineForge.Runtime.Media;

/// <summary>
/// The ffmpeg executable: where it is and which version it is. FFmpeg is driven with plain
/// <see cref="Process"/> pipes rather than FFMpegCore: the runtime streams raw frames to stdin and
/// needs exact control of the argument list, which is part of every clip's cache key.
/// </summary>
public sealed partial class FfmpegTool
{
    /// <summary>Oldest major version the runtime's arguments are tested with (Debian 12 ships 5.1).</summary>
    public const int MinimumMajorVersion = 5;

    private FfmpegTool(string path, string version)
    {
        Path = path;
        Version = version;
    }

    /// <summary>The executable.</summary>
    public string Path { get; }

    /// <summary>The version line's version ("5.1.9-0+deb12u1"); part of every clip's cache key.</summary>
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
            output = process.StandardOutput.ReadToEnd();
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
        var major = MajorVersion().Match(version);
        if (major.Success && int.Parse(major.Value, System.Globalization.CultureInfo.InvariantCulture) < MinimumMajorVersion)
        {
            throw new RenderException($"ffmpeg {version} at '{candidate}' is too old: CineForge needs {MinimumMajorVersion}.0 or newer.");
        }

        if (!output.Contains("--enable-libx264", StringComparison.Ordinal))
        {
            throw new RenderException($"ffmpeg {version} at '{candidate}' was built without libx264, which the clip encoder needs.");
        }

        return new FfmpegTool(candidate, version);
    }

    [GeneratedRegex(@"ffmpeg version (?<version>\S+)")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex MajorVersion();
}
