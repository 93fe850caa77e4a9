using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>The names of the 12 brief lines and the 5 intention answers, as CF0504 lists the missing ones.</summary>
public static class BriefLines
{
    /// <summary>The mini brief's lines, in the method's order.</summary>
    public static readonly IReadOnlyList<string> Lines = new[]
    {
        "subject", "emotion", "place", "time", "weather", "shot type", "perceived focal length",
        "camera movement", "palette", "texture", "visual prohibition", "role of the shot",
    };

    /// <summary>The intention questions, in the method's order.</summary>
    public static readonly IReadOnlyList<string> IntentionAnswers = new[]
    {
        "what the character feels", "what the viewer must understand", "the dominant light source",
        "the plausible camera movement", "the detail that carries the emotion",
    };
}
