namespace CineForge.Runtime.Determinism;

/// <summary>
/// Transcendental functions built from +, *, / and sqrt only. Those are exactly rounded by IEEE 754
/// everywhere; Math.Sin or Math.Pow come from the platform's libm and may differ in the last bit,
/// which would change pixels from one machine to another.
/// </summary>
public static class DetMath
{
    private const double TwoPi = 6.283185307179586;

    /// <summary>Sine of <paramref name="x"/> radians, accurate to about 1e-9.</summary>
    public static double Sin(double x)
    {
        // Reduce to [-pi, pi], then to [-pi/2, pi/2] by symmetry, then a Taylor series to x^15.
        x -= TwoPi * Math.Floor((x + Math.PI) / TwoPi);
        if (x > Math.PI / 2)
        {
            x = Math.PI - x;
        }
        else if (x < -Math.PI / 2)
        {
            x = -Math.PI - x;
        }

        var x2 = x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n <= 7; n++)
        {
            term *= -x2 / ((2 * n) * ((2 * n) + 1));
            sum += term;
        }

        return sum;
    }

    /// <summary>Cosine of <paramref name="x"/> radians.</summary>
    public static double Cos(double x) => Sin(x + (Math.PI / 2));

    /// <summary>Hermite smoothstep of <paramref name="x"/> between the edges, clamped to [0, 1].</summary>
    public static double SmoothStep(double edge0, double edge1, double x)
    {
        var t = Clamp01((x - edge0) / (edge1 - edge0));
        return t * t * (3 - (2 * t));
    }

    /// <summary>Clamps to [0, 1].</summary>
    public static double Clamp01(double x) => x < 0 ? 0 : x > 1 ? 1 : x;

    /// <summary>Linear interpolation.</summary>
    public static double Lerp(double a, double b, double t) => a + ((b - a) * t);
}
