namespace CineForge.Runtime;

/// <summary>How much rendering a run did; all zero when everything came from the cache.</summary>
/// <param name="KeyframesDrawn">Keyframes generated.</param>
/// <param name="CorrectionsRun">img2img passes run.</param>
/// <param name="ClipsEncoded">Clips animated and encoded.</param>
/// <param name="FramesRendered">Frames animated.</param>
public sealed record RenderWork(int KeyframesDrawn, int CorrectionsRun, int ClipsEncoded, int FramesRendered)
{
    /// <summary>No work.</summary>
    public static RenderWork None { get; } = new(0, 0, 0, 0);

    /// <summary>True when nothing was rendered.</summary>
    public bool IsNone => KeyframesDrawn == 0 && CorrectionsRun == 0 && ClipsEncoded == 0 && FramesRendered == 0;

    /// <summary>The sum of two counts.</summary>
    public static RenderWork operator +(RenderWork a, RenderWork b) =>
        new(a.KeyframesDrawn + b.KeyframesDrawn, a.CorrectionsRun + b.CorrectionsRun, a.ClipsEncoded + b.ClipsEncoded, a.FramesRendered + b.FramesRendered);
}
