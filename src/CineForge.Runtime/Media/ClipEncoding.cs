using System.Globalization;

namespace CineForge.Runtime.Media;

/// <summary>
/// How clips are encoded. Every field enters the clip's cache key. x264's output depends on its
/// thread count (frame threads limit motion search), so the count is fixed rather than taken from
/// the machine: a 2-core laptop and a 64-core farm node give the same bytes.
/// </summary>
/// <param name="Preset">x264 preset.</param>
/// <param name="Crf">x264 constant rate factor.</param>
/// <param name="Threads">x264 threads, fixed for reproducible bytes.</param>
public sealed record ClipEncoding(string Preset = "medium", int Crf = 18, int Threads = 2)
{
    /// <summary>The default settings.</summary>
    public static ClipEncoding Default { get; } = new();

    /// <summary>ffmpeg arguments reading yuv420p frames of <paramref name="width"/> x <paramref name="height"/> at <paramref name="fps"/> from stdin into an MP4 at <paramref name="output"/>.</summary>
    public IReadOnlyList<string> Arguments(int width, int height, int fps, string output) =>
    [
        "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", string.Create(CultureInfo.InvariantCulture, $"{width}x{height}"), "-r", fps.ToString(CultureInfo.InvariantCulture),
        "-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
        "-i", "pipe:0",
        "-c:v", "libx264", "-preset", Preset, "-crf", Crf.ToString(CultureInfo.InvariantCulture), "-threads", Threads.ToString(CultureInfo.InvariantCulture),
        "-pix_fmt", "yuv420p", "-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-movflags", "+faststart",
        "-f", "mp4", output,
    ];
}
