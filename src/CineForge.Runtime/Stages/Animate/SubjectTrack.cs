using CineForge.Runtime.Stages.Keyframe;

namespace CineForge.Runtime.Stages.Animate;

/// <summary>
/// Where a clip's subject is in each of its frames, as the stage that made the picture knows it: the
/// previz from where it painted the character or the object and how the camera moved, a model backend
/// from what it measured. Boxes are in <see cref="FrameSpace"/>: pixels of the clip's own frame
/// (<see cref="Width"/> x <see cref="Height"/>, the exported picture before any crop), x to the right
/// and y down from the top-left corner, following the camera move.
/// </summary>
/// <param name="Space">Always <see cref="FrameSpace"/>: named in the record so a reader never guesses.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Boxes">One box per frame, frame 0 first.</param>
public sealed record SubjectTrack(string Space, int Width, int Height, IReadOnlyList<PixelBox> Boxes)
{
    /// <summary>The coordinate space of every box: the clip's frame pixels.</summary>
    public const string FrameSpace = "frame pixels (clip frame, origin top-left, after the camera move)";

    /// <summary>A track in frame pixels of a <paramref name="width"/> x <paramref name="height"/> clip.</summary>
    public static SubjectTrack InFrame(int width, int height, IReadOnlyList<PixelBox> boxes) => new(FrameSpace, width, height, boxes);

    /// <summary>The box of frame <paramref name="index"/>, the last one held past the end (an edit that holds the last frame).</summary>
    public PixelBox At(int index) => Boxes[Math.Clamp(index, 0, Boxes.Count - 1)];

    /// <summary>
    /// The track in the pixels of a <paramref name="width"/> x <paramref name="height"/> frame the clip is
    /// fitted into as an edit fits it: scaled to fit, its shape kept, centred (letterboxed when the shapes differ).
    /// </summary>
    public SubjectTrack FittedTo(int width, int height)
    {
        if (width == Width && height == Height)
        {
            return this;
        }

        var scale = Math.Min((double)width / Width, (double)height / Height);
        double dx = (width - (Width * scale)) / 2, dy = (height - (Height * scale)) / 2;
        return this with { Width = width, Height = height, Boxes = Boxes.Select(b => new PixelBox((b.Left * scale) + dx, (b.Top * scale) + dy, (b.Right * scale) + dx, (b.Bottom * scale) + dy)).ToList() };
    }
}
