using System.Globalization;
using System.Text.Json;

namespace CineForge.Runtime.Media;

/// <summary>What ffprobe says about a media file.</summary>
/// <param name="Duration">Container duration in seconds (the longest of the container's and its first streams').</param>
/// <param name="Width">Video width in pixels (0 without video).</param>
/// <param name="Height">Video height in pixels (0 without video).</param>
/// <param name="FrameRate">Video frame rate (0 without video).</param>
/// <param name="VideoCodec">Video codec name, or null.</param>
/// <param name="PixelFormat">Video pixel format, or null.</param>
/// <param name="AudioCodec">Audio codec name, or null.</param>
public sealed record MediaInfo(double Duration, int Width, int Height, double FrameRate, string? VideoCodec, string? PixelFormat, string? AudioCodec)
{
    /// <summary>The video stream's frame count as its container states it (MP4 and QuickTime do), or 0 when the container does not say.</summary>
    public int Frames { get; init; }

    /// <summary>Reads <c>ffprobe -print_format json -show_format -show_streams</c>; null when the file holds neither video nor audio.</summary>
    internal static MediaInfo? FromProbe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        JsonElement? video = null, audio = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var type = Text(stream, "codec_type");
                if (type == "video" && video is null)
                {
                    video = stream;
                }
                else if (type == "audio" && audio is null)
                {
                    audio = stream;
                }
            }
        }

        if (video is null && audio is null)
        {
            return null;
        }

        var duration = Math.Max(root.TryGetProperty("format", out var format) ? Number(format, "duration") : 0, Math.Max(video is { } v ? Number(v, "duration") : 0, audio is { } a ? Number(a, "duration") : 0));
        return new MediaInfo(
            duration,
            video is { } vw && vw.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            video is { } vh && vh.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            video is { } vr ? Rate(Text(vr, "avg_frame_rate")) : 0,
            video is { } vc ? Text(vc, "codec_name") : null,
            video is { } vp ? Text(vp, "pix_fmt") : null,
            audio is { } ac ? Text(ac, "codec_name") : null)
        {
            Frames = video is { } vf && int.TryParse(Text(vf, "nb_frames"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var frames) ? frames : 0,
        };
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double Number(JsonElement element, string name) => double.TryParse(Text(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    // "24/1", "30000/1001"; "0/0" when unknown.
    private static double Rate(string? text)
    {
        var parts = (text ?? "0/0").Split('/');
        return parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d != 0 ? n / d : 0;
    }
}
