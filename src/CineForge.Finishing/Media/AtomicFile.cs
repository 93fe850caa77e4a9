namespace CineForge.Finishing.Media;

/// <summary>Writes files under a temporary name and renames them, so an interrupted run never leaves a half-written output.</summary>
public static class AtomicFile
{
    /// <summary>A temporary path next to <paramref name="path"/> that keeps its extension (FFmpeg picks the muxer from it).</summary>
    public static string TempPathFor(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, "." + Path.GetFileNameWithoutExtension(path) + ".tmp-" + Guid.NewGuid().ToString("N")[..8] + Path.GetExtension(path));
    }

    /// <summary>Runs <paramref name="write"/> on a temporary path, then moves the result to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        var temp = TempPathFor(path);
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));
}
