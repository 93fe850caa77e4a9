using System.Globalization;

namespace CineForge.Finishing.Edit;

/// <summary>
/// The edit as filter-graph text: each selected take brought to the film's frame rate and frame size,
/// trimmed to its planned frame count. The one place the cut is described: the measurement decode
/// before the grade and the finishing stream read the takes through the same chain, so both see the
/// same pixels and no cut is ever written to disk.
/// </summary>
public static class EditGraph
{
    /// <summary>The input arguments: one <c>-i</c> per timeline entry, in playing order (input index = entry index).</summary>
    public static IEnumerable<string> Inputs(Timeline timeline) => timeline.Entries.SelectMany(e => new[] { "-i", e.Selection.Selected.Path });

    /// <summary>
    /// Entry <paramref name="index"/>'s chain from input <c>[index:v]</c> to <paramref name="label"/>, in
    /// full-chroma 4:4:4 (the grade's lookup reads full chroma). The last frame is held for one frame of
    /// container rounding.
    /// </summary>
    public static string Shot(Timeline timeline, int index, string label)
    {
        var e = timeline.Entries[index];
        var w = timeline.Size.Width;
        var h = timeline.Size.Height;
        return $"[{index}:v]fps={timeline.Fps},scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv444p,"
            + $"tpad=stop_mode=clone:stop=1,trim=end_frame={e.Frames},setpts=PTS-STARTPTS[{label}]";
    }

    /// <summary>A <c>select</c> filter that keeps frames numbered <paramref name="frames"/> (ascending) of its input.</summary>
    public static string Select(IEnumerable<int> frames)
    {
        var list = frames.ToList();
        if (list.Count == 0)
        {
            return "select=0";
        }

        // Runs of equal step are one term each, so a long film's expression stays short.
        var terms = new List<string>();
        var i = 0;
        while (i < list.Count)
        {
            if (i + 1 == list.Count)
            {
                terms.Add(string.Create(CultureInfo.InvariantCulture, $"eq(n\\,{list[i]})"));
                break;
            }

            var step = list[i + 1] - list[i];
            var j = i + 1;
            while (j + 1 < list.Count && list[j + 1] - list[j] == step)
            {
                j++;
            }

            terms.Add(string.Create(CultureInfo.InvariantCulture, $"between(n\\,{list[i]}\\,{list[j]})*not(mod(n-{list[i]}\\,{step}))"));
            i = j + 1;
        }

        return "select=" + string.Join("+", terms);
    }
}
