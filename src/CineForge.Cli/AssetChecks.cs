using CineForge.Finishing.Assets;
using CineForge.Runtime;
using CineForge.Runtime.Media;
using CineForge.Validation;

namespace CineForge.Cli;

/// <summary>The asset check <c>check</c> and <c>render</c> hand the host, probing with the command's ffmpeg.</summary>
internal static class AssetChecks
{
    /// <summary>Checks each film's assets with the ffmpeg at <paramref name="ffmpegPath"/> (or the default); with no ffmpeg to be found, the files only.</summary>
    public static Func<Film, string, CancellationToken, IReadOnlyList<PlanDiagnostic>> With(string? ffmpegPath) => (film, folder, cancellationToken) =>
    {
        FfmpegTool? ffmpeg;
        try
        {
            ffmpeg = FfmpegTool.Locate(ffmpegPath);
        }
        catch (RenderException)
        {
            ffmpeg = null;
        }

        return AssetCheck.Check(film, folder, ffmpeg, cancellationToken);
    };
}
