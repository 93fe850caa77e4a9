using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Stages.Keyframe;

/// <summary>
/// A keyframe: the still the animator moves through. <see cref="Image"/> is larger than the output
/// frame by <see cref="Overscan"/> on each side, so camera moves never run out of picture.
/// </summary>
/// <param name="Image">The picture, with overscan.</param>
/// <param name="FrameWidth">Output frame width; the frame sits at the centre of the image.</param>
/// <param name="FrameHeight">Output frame height.</param>
/// <param name="Subject">Where the subject is, in image pixels (QA09 compares it with the rest).</param>
public sealed record KeyframeImage(RgbImage Image, int FrameWidth, int FrameHeight, PixelBox Subject)
{
    /// <summary>
    /// False when <see cref="Subject"/> is the backend's guess (the centre of the frame) rather than where
    /// it painted or measured the subject: reframing then measures the picture instead of trusting the box.
    /// </summary>
    public bool SubjectKnown { get; init; } = true;

    /// <summary>
    /// The lead character's face (head and hair), in image pixels, where the backend knows where it drew
    /// it; null otherwise (no character, or a model backend). QA10 reads the face there.
    /// </summary>
    public PixelBox? Face { get; init; }

    /// <summary><see cref="Face"/> in the pixels of the output frame at the centre of the image (the camera at rest).</summary>
    public PixelBox? FaceInFrame => Face is { } face ? ToFrame(face) : null;

    /// <summary><see cref="Subject"/> in the pixels of the output frame at the centre of the image (the camera at rest).</summary>
    public PixelBox SubjectInFrame => ToFrame(Subject);

    /// <summary>Overscan on each side as a fraction of the frame size.</summary>
    public const double Overscan = 0.12;

    /// <summary>The image size for an output frame of <paramref name="width"/> x <paramref name="height"/> (even margins).</summary>
    public static (int Width, int Height) CanvasSize(int width, int height) =>
        (width + (2 * Margin(width)), height + (2 * Margin(height)));

    private PixelBox ToFrame(PixelBox box)
    {
        double left = (Image.Width - FrameWidth) / 2.0, top = (Image.Height - FrameHeight) / 2.0;
        return new PixelBox(box.Left - left, box.Top - top, box.Right - left, box.Bottom - top);
    }

    private static int Margin(int size) => 2 * (int)Math.Round(size * Overscan / 2);
}

/// <summary>An axis-aligned box in pixels.</summary>
public readonly record struct PixelBox(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Width.</summary>
    public double Width => Right - Left;

    /// <summary>Height.</summary>
    public double Height => Bottom - Top;

    /// <summary>The smallest box holding both.</summary>
    public PixelBox Union(PixelBox other) => new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));
}
