using System;
using System.Globalization;

namespace CineForge.Rules;

/// <summary>A closed interval [Min, Max] of a setting, in the setting's unit.</summary>
public readonly struct NumericRange : IEquatable<NumericRange>
{
    /// <summary>Creates the interval [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public NumericRange(double min, double max)
    {
        if (double.IsNaN(min) || double.IsNaN(max) || min > max)
        {
            throw new ArgumentException($"Invalid range [{min}, {max}].");
        }

        Min = min;
        Max = max;
    }

    /// <summary>Lower bound, inclusive.</summary>
    public double Min { get; }

    /// <summary>Upper bound, inclusive.</summary>
    public double Max { get; }

    /// <summary>The middle of the range: the preset default where the method gives only a range.</summary>
    public double Midpoint => (Min + Max) / 2;

    /// <summary>True when <paramref name="value"/> lies inside, with a tolerance for binary floating point.</summary>
    public bool Contains(double value) => value >= Min - 1e-9 && value <= Max + 1e-9;

    /// <summary>Brings <paramref name="value"/> to the nearest bound when outside.</summary>
    public double Clamp(double value) => value < Min ? Min : value > Max ? Max : value;

    /// <summary>"0.35–0.55", the way the method writes ranges.</summary>
    public override string ToString() => Format(Min) + "–" + Format(Max);

    /// <summary>Formats a number the way rule messages show it: invariant, shortest form.</summary>
    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool Equals(NumericRange other) => Min.Equals(other.Min) && Max.Equals(other.Max);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NumericRange other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Min.GetHashCode() * 397) ^ Max.GetHashCode();

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> are equal (<see cref="Equals(NumericRange)"/>).</summary>
    public static bool operator ==(NumericRange left, NumericRange right) => left.Equals(right);

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> differ.</summary>
    public static bool operator !=(NumericRange left, NumericRange right) => !left.Equals(right);
}
