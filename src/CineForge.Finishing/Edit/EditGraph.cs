using System.Globalization;
using System.Text;
using CineForge.Finishing.Media;

namespace CineForge.Finishing.Edit;

/// <summary>
/// The edit as filter-graph text: the selected takes played one after another through one decoder
/// (<see cref="ConcatInput"/>), each cut to its planned frame count on the film's frame clock and
/// brought to the film's frame size. The one place the cut is described: the measurement decode before
/// the grade and the finishing stream read the takes through the same chain, so both see the same
/// pixels and no cut is ever written to disk.
/// </summary>
public static class EditGraph
{
    /// <summary>The takes' input: every entry's selected take, in playing order, to be listed in <paramref name="listPath"/>.</summary>
    public static ConcatInput Input(Timeline timeline, string listPath)
        => new(listPath, timeline.Entries.Select(e => e.Selection.Selected.Path).ToList());

    /// <summary>
    /// The cut from input <c>[<paramref name="input"/>:v]</c> (<see cref="Input"/>) to <paramref name="label"/>:
    /// each take's first <see cref="TimelineEntry.Frames"/> frames (a take one frame short holds its last
    /// frame), frame <c>n</c> of the output at <c>n</c>/fps, letterboxed to the film's frame size when a
    /// take has another.
    /// </summary>
    public static string Cut(Timeline timeline, int input, string label)
    {
        var chain = new List<string>();
        var kept = new List<int>();
        var decoded = 0;
        var exact = true;
        foreach (var e in timeline.Entries)
        {
            var keep = Math.Min(e.TakeFrames, e.Frames);
            kept.AddRange(Enumerable.Range(decoded, keep));
            exact &= e.TakeFrames == e.Frames;
            decoded += e.TakeFrames;
        }

        if (!exact)
        {
            chain.Add(Select(kept));
        }

        chain.Add(string.Create(CultureInfo.InvariantCulture, $"settb=1/{timeline.Fps}"));
        if (timeline.Entries.All(e => e.TakeFrames >= e.Frames))
        {
            chain.Add("setpts=N");
        }
        else
        {
            // A short take leaves a gap on the frame clock that fps fills with its last frame; the tail
            // pad does the same for the last take.
            chain.Add("setpts=" + Positions(timeline));
            chain.Add(string.Create(CultureInfo.InvariantCulture, $"fps={timeline.Fps},tpad=stop_mode=clone:stop=1,trim=end_frame={timeline.TotalFrames}"));
        }

        var w = timeline.Size.Width;
        var h = timeline.Size.Height;
        chain.Add(string.Create(CultureInfo.InvariantCulture, $"scale={w}:{h}:force_original_aspect_ratio=decrease:eval=frame,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:eval=frame,setsar=1"));
        return $"[{input}:v]" + string.Join(",", chain) + $"[{label}]";
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

    // Kept frame N's place on the timeline: N plus the frames held before it, a step at each short take.
    private static string Positions(Timeline timeline)
    {
        var steps = new List<(int From, int Held)>();
        int kept = 0, held = 0;
        foreach (var e in timeline.Entries)
        {
            if (steps.Count == 0 || steps[^1].Held != held)
            {
                steps.Add((kept, held));
            }

            var keep = Math.Min(e.TakeFrames, e.Frames);
            kept += keep;
            held += e.Frames - keep;
        }

        var expression = new StringBuilder();
        for (var s = 0; s < steps.Count - 1; s++)
        {
            expression.Append(CultureInfo.InvariantCulture, $"if(lt(N\\,{steps[s + 1].From})\\,N+{steps[s].Held}\\,");
        }

        expression.Append(CultureInfo.InvariantCulture, $"N+{steps[^1].Held}").Append(')', steps.Count - 1);
        return expression.ToString();
    }
}
