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

    /// <summary>Natural logarithm of <paramref name="x"/> &gt; 0: exponent split exactly, then the atanh series.</summary>
    public static double Log(double x)
    {
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Log needs a positive argument.");
        }

        var exponent = Math.ILogB(x);
        var m = Math.ScaleB(x, -exponent);
        var z = (m - 1) / (m + 1);
        var z2 = z * z;
        var term = z;
        var sum = 0.0;
        for (var n = 1; n < 60; n += 2)
        {
            sum += term / n;
            term *= z2;
        }

        return (exponent * 0.6931471805599453) + (2 * sum);
    }

    /// <summary>e to the power <paramref name="x"/>: exact power-of-two split, then the Taylor series.</summary>
    public static double Exp(double x)
    {
        var k = (int)Math.Round(x / 0.6931471805599453);
        var r = x - (k * 0.6931471805599453);
        double term = 1, sum = 1;
        for (var n = 1; n < 25; n++)
        {
            term *= r / n;
            sum += term;
        }

        return Math.ScaleB(sum, k);
    }

    /// <summary><paramref name="x"/> &gt; 0 to the power <paramref name="y"/>.</summary>
    public static double Pow(double x, double y) => x == 0 ? 0 : Exp(y * Log(x));

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
