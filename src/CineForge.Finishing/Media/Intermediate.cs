namespace CineForge.Finishing.Media;

/// <summary>The codec of work files between stages: lossless, fast to write, 4:4:4 so the grade sees full chroma.</summary>
internal static class Intermediate
{
    /// <summary>x264 in lossless mode (qp 0) at its fastest preset.</summary>
    public static readonly IReadOnlyList<string> VideoArguments = new[] { "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv444p" };
}
