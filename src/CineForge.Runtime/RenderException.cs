namespace CineForge.Runtime;

/// <summary>A render stopped on bad input or a failing tool; the message names the file, shot or tool.</summary>
public sealed class RenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RenderException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
