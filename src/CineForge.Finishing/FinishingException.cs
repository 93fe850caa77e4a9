namespace CineForge.Finishing;

/// <summary>
/// A finishing stage cannot go on: bad input (a missing or corrupt audio file, a malformed LUT, an
/// export folder holding someone else's files) or a failed FFmpeg run. The message names the file and,
/// where one applies, the rule; nothing already written is lost when it is thrown.
/// </summary>
public sealed class FinishingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FinishingException(string message, string? ruleId = null, string? path = null, Exception? inner = null)
        : base(message, inner)
    {
        RuleId = ruleId;
        Path = path;
    }

    /// <summary>The rule the failure concerns ("CF0601"), when there is one.</summary>
    public string? RuleId { get; }

    /// <summary>The file or folder at fault, when there is one.</summary>
    public string? Path { get; }
}
