namespace CineForge.CodeFixes.Keyframe;

/// <summary>A seed derived from a shot's name: the same name gives the same seed on every machine and run (FNV-1a, not string.GetHashCode, which is randomized per process).</summary>
public static class StableSeed
{
    /// <summary>Seeds stay below this, so they read as short literals.</summary>
    public const int Modulus = 100_000;

    /// <summary>The seed of the shot called <paramref name="shotName"/>, in [1, <see cref="Modulus"/>).</summary>
    public static int From(string shotName)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in shotName)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash % (Modulus - 1)) + 1;
        }
    }
}
