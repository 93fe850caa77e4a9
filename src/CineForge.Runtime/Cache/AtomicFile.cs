namespace CineForge.Runtime.Cache;

/// <summary>
/// Writes files under a temporary name in the same folder and renames them into place, so a file
/// that exists under its final name is always complete, whenever the process is killed.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of temporary files.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>Lets <paramref name="write"/> fill a temporary path, then renames it to <paramref name="path"/>; on failure the temporary file is removed.</summary>
    public static void Write(string path, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = TempPath(path);
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The asynchronous form of <see cref="Write"/>.</summary>
    public static async Task WriteAsync(string path, Func<string, Task> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = TempPath(path);
        try
        {
            await write(temp).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) atomically.</summary>
    public static void WriteText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text, new System.Text.UTF8Encoding(false)));

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/> atomically.</summary>
    public static void Copy(string source, string path) => Write(path, temp => File.Copy(source, temp, overwrite: true));

    /// <summary>Removes temporary files older than <paramref name="age"/> under <paramref name="directory"/>: leftovers of killed renders.</summary>
    public static void Sweep(string directory, TimeSpan age)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > age)
            {
                TryDelete(file);
            }
        }
    }

    private static string TempPath(string path) => $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}{TempSuffix}";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
