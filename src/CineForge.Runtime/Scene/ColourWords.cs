using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Scene;

/// <summary>
/// Turns the colour words of a plan ("ochre, teal shadows", "amber glass dropper") into colours.
/// A word not in the table gets a stable hue from its hash, so any palette draws the same everywhere.
/// </summary>
public static class ColourWords
{
    private static readonly Dictionary<string, Rgb> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ochre"] = new(0.80, 0.58, 0.25),
        ["cream"] = new(0.93, 0.88, 0.76),
        ["teal"] = new(0.16, 0.45, 0.46),
        ["amber"] = new(0.85, 0.52, 0.14),
        ["navy"] = new(0.12, 0.17, 0.34),
        ["blue"] = new(0.22, 0.38, 0.70),
        ["red"] = new(0.72, 0.16, 0.14),
        ["crimson"] = new(0.62, 0.08, 0.16),
        ["green"] = new(0.24, 0.52, 0.28),
        ["olive"] = new(0.45, 0.46, 0.22),
        ["yellow"] = new(0.90, 0.80, 0.28),
        ["orange"] = new(0.90, 0.50, 0.18),
        ["pink"] = new(0.90, 0.60, 0.66),
        ["purple"] = new(0.45, 0.26, 0.55),
        ["brown"] = new(0.42, 0.28, 0.18),
        ["black"] = new(0.08, 0.08, 0.09),
        ["white"] = new(0.92, 0.92, 0.90),
        ["grey"] = new(0.50, 0.50, 0.50),
        ["gray"] = new(0.50, 0.50, 0.50),
        ["silver"] = new(0.70, 0.71, 0.73),
        ["gold"] = new(0.83, 0.66, 0.30),
        ["beige"] = new(0.80, 0.72, 0.58),
        ["ivory"] = new(0.94, 0.91, 0.82),
        ["rust"] = new(0.63, 0.29, 0.15),
        ["sage"] = new(0.58, 0.65, 0.52),
        ["slate"] = new(0.36, 0.42, 0.48),
        ["charcoal"] = new(0.20, 0.21, 0.23),
        ["denim"] = new(0.26, 0.38, 0.55),
        ["linen"] = new(0.86, 0.80, 0.70),
        ["frosted"] = new(0.82, 0.86, 0.88),
        ["clear"] = new(0.84, 0.88, 0.90),
        ["glass"] = new(0.78, 0.84, 0.86),
        ["steel"] = new(0.55, 0.58, 0.62),
        ["wood"] = new(0.55, 0.38, 0.22),
        ["oak"] = new(0.62, 0.46, 0.28),
    };

    /// <summary>The known colour words in <paramref name="text"/>, in order of appearance.</summary>
    public static IReadOnlyList<Rgb> Find(string? text)
    {
        var found = new List<Rgb>();
        foreach (var word in Words(text))
        {
            if (Known.TryGetValue(word, out var colour))
            {
                found.Add(colour);
            }
        }

        return found;
    }

    /// <summary>The palette of <paramref name="text"/>: its colour words, or a stable colour per word when none is known.</summary>
    public static IReadOnlyList<Rgb> Palette(string? text)
    {
        var found = Find(text);
        if (found.Count > 0)
        {
            return found;
        }

        return Words(text).Take(3).Select(HashedColour).ToList();
    }

    /// <summary>The first colour word of <paramref name="text"/>, or a stable colour for the whole text.</summary>
    public static Rgb FirstOrHashed(string? text)
    {
        var found = Find(text);
        return found.Count > 0 ? found[0] : HashedColour(text ?? string.Empty);
    }

    /// <summary>True when <paramref name="text"/> contains <paramref name="word"/> as a whole word.</summary>
    public static bool Mentions(string? text, params string[] word) => Words(text).Any(w => word.Contains(w, StringComparer.OrdinalIgnoreCase));

    private static Rgb HashedColour(string word)
    {
        var random = new SeededRandom((long)StableHash.Of(word.ToLowerInvariant()));
        var hue = random.NextDouble() * 6;
        var sector = (int)hue;
        var f = hue - sector;
        double lo = 0.3, hi = 0.75, up = lo + ((hi - lo) * f), down = hi - ((hi - lo) * f);
        return sector switch
        {
            0 => new(hi, up, lo),
            1 => new(down, hi, lo),
            2 => new(lo, hi, up),
            3 => new(lo, down, hi),
            4 => new(up, lo, hi),
            _ => new(hi, lo, down),
        };
    }

    private static IEnumerable<string> Words(string? text) =>
        (text ?? string.Empty).Split([' ', ',', ';', '.', '-', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant().TrimEnd('s') is var s && Known.ContainsKey(s) ? s : w.ToLowerInvariant());
}
