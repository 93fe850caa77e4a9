using CineForge.Rules;

namespace CineForge;

/// <summary>
/// Rejects impossible values at the fluent call, naming the parameter and the rule whose domain
/// they break. Values that are legal but off the method's ranges are not rejected here:
/// <see cref="FilmExtensions.Validate"/> reports them.
/// </summary>
internal static class Guard
{
    public static double Positive(double value, string parameter, string ruleId, string unit)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
        {
            throw Fail(parameter, ruleId, $"must be a positive, finite number of {unit}", value);
        }

        return value;
    }

    public static int Positive(int value, string parameter, string ruleId, string unit)
    {
        if (value <= 0)
        {
            throw Fail(parameter, ruleId, $"must be a positive number of {unit}", value);
        }

        return value;
    }

    public static double Within(double value, NumericRange domain, string parameter, string ruleId, string what)
    {
        if (double.IsNaN(value) || !domain.Contains(value))
        {
            throw Fail(parameter, ruleId, $"{what} must lie within {domain}", value);
        }

        return value;
    }

    public static double Finite(double value, string parameter, string ruleId, string what)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw Fail(parameter, ruleId, $"{what} must be a finite number", value);
        }

        return value;
    }

    public static double Lufs(double value, string parameter, string ruleId)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value > 0)
        {
            throw Fail(parameter, ruleId, "a loudness target must be a finite, negative LUFS value", value);
        }

        return value;
    }

    public static string Text(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("CineForge: " + parameter + " must not be empty.", parameter);
        }

        return value!.Trim();
    }

    public static T NotNull<T>(T? value, string parameter)
        where T : class => value ?? throw new ArgumentNullException(parameter);

    public static T Defined<T>(T value, string parameter)
        where T : struct, Enum
        => Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(parameter, value, $"CineForge: {parameter} must be one of {string.Join(", ", Enum.GetNames<T>())}; got {value}.");

    public static ArgumentOutOfRangeException Fail(string parameter, string ruleId, string requirement, object? actual)
    {
        var rule = RuleCatalog.Get(ruleId);
        return new ArgumentOutOfRangeException(parameter, actual, $"{rule.Id} ({rule.Title}): {parameter} {requirement}; got {Describe(actual)}.");
    }

    private static string Describe(object? actual) => actual switch
    {
        double d => NumericRange.Format(d),
        null => "null",
        _ => Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };
}
