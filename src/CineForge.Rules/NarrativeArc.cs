using System.Collections.Generic;
using System.Linq;

namespace CineForge.Rules;

/// <summary>The recommended narrative structure (CF0502): setup → tension → decision → consequence.</summary>
public static class NarrativeArc
{
    /// <summary>The beats, in order.</summary>
    public static readonly IReadOnlyList<Beat> Beats = new[] { Beat.Setup, Beat.Tension, Beat.Decision, Beat.Consequence };

    /// <summary>What is wrong with the shots' beats, in timeline order, or null when the arc holds.</summary>
    public static string? Problem(IEnumerable<Beat?> beats)
    {
        var firsts = new Dictionary<Beat, int>();
        var position = 0;
        foreach (var beat in beats)
        {
            if (beat is { } b && Beats.Contains(b) && !firsts.ContainsKey(b))
            {
                firsts[b] = position;
            }

            position++;
        }

        var absent = Beats.Where(b => !firsts.ContainsKey(b)).Select(MessageParts.Beat).ToList();
        if (absent.Count > 0)
        {
            return "missing " + string.Join(", ", absent);
        }

        for (var i = 1; i < Beats.Count; i++)
        {
            if (firsts[Beats[i]] < firsts[Beats[i - 1]])
            {
                return MessageParts.Beat(Beats[i]) + " comes before " + MessageParts.Beat(Beats[i - 1]);
            }
        }

        return null;
    }
}
