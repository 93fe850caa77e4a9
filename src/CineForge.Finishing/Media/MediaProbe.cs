using CineForge.Runtime;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Media;

/// <summary>Probes the finishing pass's inputs with the render's ffprobe, naming the rule a bad file breaks.</summary>
public static class MediaProbe
{
    /// <summary>Probes <paramref name="path"/> with <paramref name="ffmpeg"/>'s ffprobe.</summary>
    /// <exception cref="FinishingException">The file is missing or FFmpeg cannot read it.</exception>
    public static MediaInfo Probe(FfmpegTool ffmpeg, string path, string? ruleId = null)
    {
        if (!File.Exists(path))
        {
            throw new FinishingException($"{path}: file not found.", ruleId, path);
        }

        try
        {
            return ffmpeg.Probe(path);
        }
        catch (RenderException ex)
        {
            throw new FinishingException($"{path}: not a media file FFmpeg can read ({FirstLine(ex.Message)}).", ruleId, path, ex);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;
}
