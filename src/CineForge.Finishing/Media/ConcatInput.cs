using System.Text;

namespace CineForge.Finishing.Media;

/// <summary>
/// Files played one after another as one FFmpeg input (the concat demuxer): one decoder for all of
/// them, so what a stream holds in memory does not grow with the number of files, where one input per
/// file keeps every file's decoder and frame pools until the run ends.
/// </summary>
/// <param name="ListPath">Where the list is written (<see cref="Write"/>) and read from.</param>
/// <param name="Files">The files, in playing order.</param>
public sealed record ConcatInput(string ListPath, IReadOnlyList<string> Files)
{
    /// <summary>
    /// The input's arguments. The filter graph is not rebuilt when a file's frame size or pixel format
    /// differs from the one before (a rebuild would restart every filter's frame count); the graph's
    /// first filters take each frame as it comes. Nothing is written: a command whose output turns out
    /// to be stored runs nothing and leaves no list behind; <see cref="Write"/> before running it.
    /// </summary>
    public IReadOnlyList<string> Arguments => ["-reinit_filter", "0", "-f", "concat", "-safe", "0", "-i", ListPath];

    /// <summary>Writes the list to <see cref="ListPath"/>.</summary>
    public void Write()
    {
        var list = new StringBuilder("ffconcat version 1.0\n");
        foreach (var file in Files)
        {
            // Quoted, with a quote in the path closed, escaped and reopened.
            list.Append("file '").Append(Path.GetFullPath(file).Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        }

        File.WriteAllText(ListPath, list.ToString());
    }
}
