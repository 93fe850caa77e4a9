using FFMpegCore;

namespace CineForge.Finishing.Media;

/// <summary>What ffprobe says about a media file.</summary>
/// <param name="Duration">Container duration in seconds.</param>
/// <param name="Width">Video width in pixels (0 without video).</param>
/// <param name="Height">Video height in pixels (0 without video).</param>
/// <param name="FrameRate">Video frame rate (0 without video).</param>
/// <param name="VideoCodec">Video codec name, or null.</param>
/// <param name="PixelFormat">Video pixel format, or null.</param>
/// <param name="AudioCodec">Audio codec name, or null.</param>
public sealed record MediaInfo(double Duration, int Width, int Height, double FrameRate, string? VideoCodec, string? PixelFormat, string? AudioCodec);

/// <summary>Probes media files with ffprobe through FFMpegCore.</summary>
public static class MediaProbe
{
    /// <summary>Probes <paramref name="path"/>.</summary>
    /// <exception cref="FinishingException">The file is missing or FFmpeg cannot read it.</exception>
    public static MediaInfo Probe(string path, string? ruleId = null)
    {
        if (!File.Exists(path))
        {
            throw new FinishingException($"{path}: file not found.", ruleId, path);
        }

        IMediaAnalysis analysis;
        try
        {
            analysis = FFProbe.Analyse(path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new FinishingException($"{path}: not a media file FFmpeg can read ({FirstLine(ex.Message)}).", ruleId, path, ex);
        }

        var video = analysis.PrimaryVideoStream;
        var audio = analysis.PrimaryAudioStream;
        if (video is null && audio is null)
        {
            throw new FinishingException($"{path}: holds no audio or video stream.", ruleId, path);
        }

        return new MediaInfo(analysis.Duration.TotalSeconds, video?.Width ?? 0, video?.Height ?? 0, video?.AverageFrameRate ?? 0, video?.CodecName, video?.PixelFormat, audio?.CodecName);
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
}
