namespace CineForge.Onnx.Scheduling;

/// <summary>
/// Seeded standard-normal noise that is the same on every machine and every .NET version.
/// <list type="bullet">
/// <item>Bits: SplitMix64 (Steele, Lea and Flood 2014): state += 0x9E3779B97F4A7C15, then the
/// finalizer z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB;
/// z ^= z &gt;&gt; 31. The initial state is the seed's two's-complement bits.</item>
/// <item>Uniforms: u = (bits &gt;&gt; 11) * 2^-53 in [0, 1), then 2u - 1 in [-1, 1).</item>
/// <item>Normals: Marsaglia's polar method in double: draw (a, b) until s = a^2 + b^2 is in (0, 1),
/// then a*f and b*f with f = sqrt(-2 ln s / s), in that order, each rounded to float32.</item>
/// <item>ln is computed here from +, -, *, / and the exponent bits (a fixed atanh series), never from
/// the platform's math library, whose last bit differs between machines; sqrt is exact in IEEE 754.</item>
/// </list>
/// Latents are filled in NCHW order, image by image.
/// </summary>
public sealed class GaussianNoise
{
    private const double Ln2 = 0.6931471805599453;
    private const double Sqrt2 = 1.4142135623730951;
    private ulong state;
    private float? spare;

    /// <summary>The stream of <paramref name="seed"/>.</summary>
    public GaussianNoise(long seed)
    {
        state = unchecked((ulong)seed);
    }

    /// <summary>The next 64 bits.</summary>
    public ulong NextBits()
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next standard-normal value.</summary>
    public float NextGaussian()
    {
        if (spare is { } pending)
        {
            spare = null;
            return pending;
        }

        while (true)
        {
            var a = (2 * NextUniform()) - 1;
            var b = (2 * NextUniform()) - 1;
            var s = (a * a) + (b * b);
            if (s > 0 && s < 1)
            {
                var f = Math.Sqrt(-2 * Log(s) / s);
                spare = (float)(b * f);
                return (float)(a * f);
            }
        }
    }

    /// <summary>Fills <paramref name="count"/> values.</summary>
    public float[] Next(int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = NextGaussian();
        }

        return values;
    }

    /// <summary>Natural log of a positive normal double, from arithmetic only (see the class remarks).</summary>
    internal static double Log(double x)
    {
        if (!(x > 0) || double.IsInfinity(x) || !double.IsNormal(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Log is defined here for positive normal numbers; got {x}.");
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (mantissa > Sqrt2)
        {
            mantissa /= 2;
            exponent++;
        }

        // ln m = 2 atanh(z), z = (m-1)/(m+1), |z| <= 0.1716: 20 odd terms reach far below one ulp.
        var z = (mantissa - 1) / (mantissa + 1);
        var z2 = z * z;
        var sum = 0.0;
        for (var k = 39; k >= 1; k -= 2)
        {
            sum = (sum * z2) + (1.0 / k);
        }

        return (exponent * Ln2) + (2 * z * sum);
    }

    private double NextUniform() => (NextBits() >> 11) * (1.0 / 9007199254740992.0);
}
