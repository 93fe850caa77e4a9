using CineForge.Rules;

namespace CineForge.Finishing.Edit;

/// <summary>One shot placed on the timeline.</summary>
/// <param name="Shot">The plan's shot.</param>
/// <param name="Selection">Its selected take.</param>
/// <param name="StartFrame">First frame on the timeline.</param>
/// <param name="Frames">Length in frames: the planned duration at the film's frame rate.</param>
public sealed record TimelineEntry(Shot Shot, ShotSelection Selection, int StartFrame, int Frames)
{
    /// <summary>Frames in the selected take: the cut keeps the first <see cref="Frames"/> of them, or holds the last when the take is one frame short.</summary>
    public int TakeFrames { get; init; } = Frames;

    /// <summary>Start in seconds at <paramref name="fps"/>.</summary>
    public double Start(int fps) => (double)StartFrame / fps;

    /// <summary>Length in seconds at <paramref name="fps"/>.</summary>
    public double Duration(int fps) => (double)Frames / fps;
}

/// <summary>The cut: shots in mission order, each at its planned duration.</summary>
/// <param name="Entries">Shots in playing order.</param>
/// <param name="Size">Frame size of the edit (the first selected take's).</param>
/// <param name="Fps">Frame rate.</param>
/// <param name="Notes">What the edit changed or noticed, for the settings log.</param>
public sealed record Timeline(IReadOnlyList<TimelineEntry> Entries, FrameSize Size, int Fps, IReadOnlyList<string> Notes)
{
    /// <summary>Total length in frames.</summary>
    public int TotalFrames => Entries.Count == 0 ? 0 : Entries[^1].StartFrame + Entries[^1].Frames;

    /// <summary>Total length in seconds.</summary>
    public double Duration => (double)TotalFrames / Fps;

    /// <summary>
    /// Lays out <paramref name="film"/>'s shots in mission order (setup → tension → decision → consequence,
    /// call to action last). Shots already in that order keep the plan's order; a shot with a custom role
    /// stays after the shot it follows. Frame counts come from cumulative planned time, so the cut's
    /// length is the sum of the planned durations within half a frame.
    /// </summary>
    /// <param name="film">The plan.</param>
    /// <param name="selections">Each shot's selected take.</param>
    /// <param name="size">The film's frame size.</param>
    /// <param name="takeFrames">Each take's frame count, by shot name (absent: each take as long as planned).</param>
    public static Timeline Plan(Film film, IReadOnlyList<ShotSelection> selections, FrameSize size, IReadOnlyDictionary<string, int>? takeFrames = null)
    {
        var fps = film.Shots.Count == 0 ? Recommended.Fps : film.Shots[0].Fps;
        var notes = new List<string>();
        var byName = new Dictionary<string, ShotSelection>(StringComparer.Ordinal);
        foreach (var selection in selections)
        {
            byName[selection.ShotName] = selection;
        }

        var missing = film.Shots.Where(s => !byName.ContainsKey(s.Name)).Select(s => s.Name).ToList();
        if (missing.Count > 0)
        {
            throw new FinishingException($"Edit: no selected take for shot(s) {string.Join(", ", missing.Select(m => "'" + m + "'"))}.");
        }

        var unknown = selections.Where(s => film.Shots.All(shot => shot.Name != s.ShotName)).Select(s => s.ShotName).ToList();
        if (unknown.Count > 0)
        {
            throw new FinishingException($"Edit: take(s) for shot(s) not in the plan: {string.Join(", ", unknown.Select(m => "'" + m + "'"))}.");
        }

        var other = film.Shots.FirstOrDefault(s => s.Fps != fps);
        if (other is not null)
        {
            throw new FinishingException($"Edit: shot '{other.Name}' runs at {other.Fps} fps but the film at {fps} fps; one timeline has one frame rate ({RuleIds.CF0203}).", RuleIds.CF0203);
        }

        var ranked = new List<(Shot Shot, int Rank, int Index)>();
        var rank = 0;
        for (var i = 0; i < film.Shots.Count; i++)
        {
            var shot = film.Shots[i];
            var beat = shot.Mission?.Beat ?? Beat.Custom;
            if (beat != Beat.Custom)
            {
                rank = (int)beat;
            }

            ranked.Add((shot, rank, i));
        }

        var ordered = ranked.OrderBy(r => r.Rank).ThenBy(r => r.Index).ToList();
        if (ordered.Select(o => o.Index).Where((index, position) => index != position).Any())
        {
            notes.Add("shots reordered into mission order: " + string.Join(" → ", ordered.Select(o => o.Shot.Name)));
        }

        var entries = new List<TimelineEntry>();
        double planned = 0;
        var start = 0;
        foreach (var (shot, _, _) in ordered)
        {
            planned += shot.Duration;
            var end = (int)Math.Round(planned * fps, MidpointRounding.AwayFromZero);
            entries.Add(new TimelineEntry(shot, byName[shot.Name], start, end - start) { TakeFrames = takeFrames?.GetValueOrDefault(shot.Name, end - start) ?? end - start });
            start = end;
        }

        return new Timeline(entries, size, fps, notes);
    }
}
