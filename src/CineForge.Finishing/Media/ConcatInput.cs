using System.Text;

namespace CineForge.Finishing.Media;

/// <summary>
/// Files played one after another as one FFmpeg input (the concat demuxer): one decoder for all of
/// them, so what a stream holds in memory does not grow with the number of files, where one input per
/// file keeps every file's decoder and frame pools until the run ends.
/// </summary>
public static class ConcatInput
{
    /// <summary>
    /// Writes the list of <paramref name="files"/> to <paramref name="listPath"/> and returns the input's
    /// arguments. The filter graph is not rebuilt when a file's frame size or pixel format differs from
    /// the one before (a rebuild would restart every filter's frame count); the graph's first filters
    /// take each frame as it comes.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string listPath, IEnumerable<string> files)
    {
        var list = new StringBuilder("ffconcat version 1.0\n");
        foreach (var file in files)
        {
            // Quoted, with a quote in the path closed, escaped and reopened.
            list.Append("file '").Append(Path.GetFullPath(file).Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        File.WriteAllText(listPath, list.ToString());
        return new[] { "-reinit_filter", "0", "-f", "concat", "-safe", "0", "-i", listPath };
    }
}
