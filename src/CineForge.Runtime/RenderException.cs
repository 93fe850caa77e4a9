namespace CineForge.Runtime;

/// <summary>
/// A render stopped on bad input or a failing tool; the message names the file, shot or tool. The one
/// failure type of the whole render: the shots, the media layer (<see cref="Media.FfmpegTool"/>) and,
/// through a subclass that adds the rule and the file, the finishing stages.
/// </summary>
public class RenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RenderException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
