namespace CineForge.Finishing.Media;

/// <summary>The codec of work files between stages: lossless, fast to write, 4:4:4 so the grade sees full chroma. Work files name their container explicitly (<c>-f</c>), so they can be written under any temporary name.</summary>
internal static class Intermediate
{
    /// <summary>x264 in lossless mode (qp 0) at its fastest preset, a keyframe every second so a stage can seek into a shot cheaply, a fixed thread count and no metadata so the bytes (and the cache keys made from them) are the same on every machine.</summary>
    public static readonly IReadOnlyList<string> VideoArguments = new[] { "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-g", "24", "-threads:v", "2", "-pix_fmt", "yuv444p", "-fflags", "+bitexact", "-flags", "+bitexact" };
}
