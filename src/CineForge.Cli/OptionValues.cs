using System.CommandLine.Parsing;
using System.Globalization;
using CineForge.Rules;

namespace CineForge.Cli;

/// <summary>
/// Parsers of option values, run while the arguments are read: a value out of range is an error
/// naming the option ("--parallel takes a whole number of at least 1; got '0'."), reported with the
/// other usage errors (exit 2) before any command work.
/// </summary>
public static class OptionValues
{
    /// <summary>A whole number at least <paramref name="minimum"/>.</summary>
    public static int AtLeast(ArgumentResult result, int minimum)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        result.AddError($"{OptionName(result)} takes a whole number of at least {minimum.ToString(CultureInfo.InvariantCulture)}; got '{text}'.");
        return minimum;
    }

    /// <summary>A number of seconds above <paramref name="above"/> and at most <paramref name="atMost"/>.</summary>
    public static double Seconds(ArgumentResult result, double above, double atMost)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > above && value <= atMost)
        {
            return value;
        }

        result.AddError($"{OptionName(result)} takes a number of seconds above {above.ToString(CultureInfo.InvariantCulture)} and at most {atMost.ToString(CultureInfo.InvariantCulture)}; got '{text}'.");
        return atMost;
    }

    /// <summary>One of <typeparamref name="TEnum"/>'s names, in any case ("sarif").</summary>
    public static TEnum OneOf<TEnum>(ArgumentResult result)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = Token(result);
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        var names = Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant());
        result.AddError($"{OptionName(result)} takes {string.Join(" or ", names)}; got '{text}'.");
        return default;
    }

    /// <summary>A frame size WxH with even, positive numbers (the encoders' 4:2:0 chroma needs even sides).</summary>
    public static FrameSize? EvenFrameSize(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = Token(result);
        if (TryParseEvenSize(text) is { } size)
        {
            return size;
        }

        result.AddError($"{OptionName(result)} must be WxH with even numbers ({Recommended.KeyframeResolutions[0]}); got '{text}'.");
        return null;
    }

    /// <summary>"1536x864" as a size when both sides are positive and even; else null.</summary>
    public static FrameSize? TryParseEvenSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0 && width % 2 == 0 && height % 2 == 0
            ? new FrameSize(width, height)
            : null;
    }

    // Options of these kinds take exactly one token; the parser has reported a missing one already.
    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
