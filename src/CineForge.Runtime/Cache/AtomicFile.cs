namespace CineForge.Runtime.Cache;

/// <summary>
/// Writes files under a temporary name in the same folder and renames them into place, so a file
/// that exists under its final name is always complete, whenever the process is killed. A temporary
/// name records its writer (<c>file.mp4.&lt;pid&gt;-&lt;guid&gt;@&lt;host&gt;.tmp</c>): a failed or cancelled write
/// removes its own, and <see cref="Sweep"/> removes those of writers that died.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of temporary files.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// How long a temporary file whose writer cannot be checked (another host sharing the store, a name
    /// without a host, a pid now reused) is taken to be still in the writing; one whose writer died on this host goes at once.
    /// </summary>
    public static readonly TimeSpan UncheckedWriterAge = TimeSpan.FromHours(1);

    /// <summary>Lets <paramref name="write"/> fill a temporary path, then renames it to <paramref name="path"/>; on failure the temporary file is removed.</summary>
    /// <exception cref="RenderException">The file could not be written or renamed (an I/O or permission failure); the message names <paramref name="path"/>.</exception>
    public static void Write(string path, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = TempPath(path);
        try
        {
            Directory.CreateDirectory(directory);
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Named(path, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The asynchronous form of <see cref="Write"/>.</summary>
    /// <exception cref="RenderException">The file could not be written or renamed; the message names <paramref name="path"/>.</exception>
    public static async Task WriteAsync(string path, Func<string, Task> write)
    {
        var temp = TempPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await write(temp).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw Named(path, ex);
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

    /// <summary>
    /// Removes the temporary files this class wrote under <paramref name="directory"/> (and its subfolders) that
    /// no live writer will finish: at once when their writer ran on this host and its process has ended,
    /// otherwise (another host, a recycled pid, a name without a host) once older than <paramref name="age"/>
    /// (default <see cref="UncheckedWriterAge"/>). Files it did not name are never touched.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public static int Sweep(string directory, TimeSpan? age = null) =>
        Directory.Exists(directory) ? SweepFiles(Directory.EnumerateFiles(directory, "*" + TempSuffix, SearchOption.AllDirectories), age ?? UncheckedWriterAge) : 0;

    /// <summary>As <see cref="Sweep"/>, for the temporary files of the one file <paramref name="path"/> (the lock file next to a film script, in a folder that is not CineForge's).</summary>
    /// <returns>How many files were removed.</returns>
    public static int SweepTempsOf(string path, TimeSpan? age = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Directory.Exists(directory) ? SweepFiles(Directory.EnumerateFiles(directory, Path.GetFileName(path) + ".*" + TempSuffix), age ?? UncheckedWriterAge) : 0;
    }

    internal static string TempPath(string path, TempWriter writer) => $"{path}.{writer.Tag(Guid.NewGuid())}{TempSuffix}";

    private static string TempPath(string path) => TempPath(path, TempWriter.Current);

    private static int SweepFiles(IEnumerable<string> files, TimeSpan age)
    {
        var running = new Dictionary<int, bool>();
        bool IsRunning(int pid) => running.TryGetValue(pid, out var known) ? known : running[pid] = TempWriter.IsRunning(pid);
        var removed = 0;
        foreach (var file in files)
        {
            if (TempWriter.FromTempName(Path.GetFileName(file)) is not { } writer || writer == TempWriter.Current)
            {
                continue;
            }

            if ((writer.IsGone(IsRunning) || DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > age) && TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    // The operating system's message does not always carry the path ("Access to the path is denied."): name it.
    private static RenderException Named(string path, Exception ex) => new($"Could not write {path}: {ex.Message}", ex);

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
