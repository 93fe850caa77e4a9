using CineForge.Runtime;

namespace CineForge.Finishing;

/// <summary>
/// A finishing stage cannot go on: bad input (a missing or corrupt audio file, a malformed LUT, an
/// export folder holding someone else's files). The message names the file and,
/// where one applies, the rule; nothing already written is lost when it is thrown. A failed FFmpeg run
/// itself is the media layer's <see cref="RenderException"/>, so one catch covers the whole render.
/// </summary>
public sealed class FinishingException : RenderException
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
