namespace CineForge.Runtime.Determinism;

/// <summary>
/// The runtime's only source of randomness: SplitMix64 (Steele, Lea, Flood 2014), a 64-bit
/// integer generator with a fixed, documented algorithm. System.Random is not used because its
/// algorithm is not specified across .NET versions. Doubles are built from the top 53 bits, so a
/// seed gives the same sequence on every machine.
/// </summary>
public sealed class SeededRandom
{
    private ulong state;

    /// <summary>Starts the stream of <paramref name="seed"/>, mixed with optional <paramref name="salt"/> streams.</summary>
    public SeededRandom(long seed, params string[] salt)
    {
        state = (ulong)seed;
        foreach (var s in salt)
        {
            state = Mix(state ^ StableHash.Of(s));
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Range(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>An integer in [0, <paramref name="count"/>).</summary>
    public int Next(int count) => (int)(NextBits() % (ulong)count);

    /// <summary>
    /// A bijective 32-bit mix (Wellons' "lowbias32"): counter-based noise whose pixels do not wait
    /// for each other, unlike a generator stepped along a row.
    /// </summary>
    public static uint Mix32(uint x)
    {
        x ^= x >> 16;
        x *= 0x7FEB352DU;
        x ^= x >> 15;
        x *= 0x846CA68BU;
        return x ^ (x >> 16);
    }

    /// <summary>The SplitMix64 finalizer: a bijective 64-bit mix, also used for counter-based noise.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>FNV-1a over UTF-16 code units: a stable string hash (string.GetHashCode is randomized per process).</summary>
public static class StableHash
{
    /// <summary>The 64-bit FNV-1a hash of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
