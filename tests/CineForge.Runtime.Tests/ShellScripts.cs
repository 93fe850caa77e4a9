namespace CineForge.Runtime.Tests;

/// <summary>Small executable stand-ins for ffmpeg that tests write: fakes, loggers and wrappers of the real one.</summary>
internal static class ShellScripts
{
    /// <summary>Writes an executable <c>/bin/sh</c> script <paramref name="name"/> in <paramref name="folder"/> running <paramref name="body"/>; returns its path.</summary>
    public static string Write(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>The real ffmpeg on the PATH, for a wrapper to run.</summary>
    public static string FfmpegOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, "ffmpeg")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("ffmpeg is not on the PATH");
}
