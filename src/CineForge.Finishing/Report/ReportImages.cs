using System.Globalization;
using CineForge.Finishing.Edit;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Report;

/// <summary>The pictures of the report: a contact-sheet still of every take, and 200% crops of each graded shot's edges and subject.</summary>
internal static class ReportImages
{
    private const int ThumbWidth = 320;

    /// <summary>Names of the 200% crops, in page order.</summary>
    public static readonly string[] CropNames = { "top-left", "top-right", "bottom-left", "bottom-right", "subject" };

    /// <summary>A still from the middle of <paramref name="clip"/>'s first <paramref name="seconds"/> s.</summary>
    public static void Still(FfmpegTool ffmpeg, string clip, double seconds, string output)
    {
        ffmpeg.Run(new[] { "-ss", F(seconds / 2), "-i", clip, "-frames:v", "1", "-vf", $"scale={ThumbWidth}:-2", "-q:v", "3", output }, $"Report: still of {clip}");
    }

    /// <summary>200% crops of the four corners and of the subject, from a shot's graded middle frame <paramref name="still"/>.</summary>
    public static void Crops(FfmpegTool ffmpeg, string still, Timeline timeline, double subjectX, string folder, string stem)
    {
        var w = timeline.Size.Width;
        var h = timeline.Size.Height;
        var cw = Math.Max(16, w / 6 / 2 * 2);
        var ch = Math.Max(16, h / 6 / 2 * 2);
        var sx = Math.Clamp((int)(subjectX * w) - (cw / 2), 0, w - cw);
        var sy = (h - ch) / 2;
        var regions = new[] { (0, 0), (w - cw, 0), (0, h - ch), (w - cw, h - ch), (sx, sy) };
        var graph = $"[0:v]split={regions.Length}" + string.Concat(regions.Select((_, i) => $"[c{i}]")) + ";"
            + string.Join(";", regions.Select((r, i) => $"[c{i}]crop={cw}:{ch}:{r.Item1}:{r.Item2},scale=iw*2:ih*2:flags=neighbor[o{i}]"));
        var args = new List<string> { "-i", still, "-filter_complex", graph };
        for (var i = 0; i < regions.Length; i++)
        {
            args.AddRange(new[] { "-map", $"[o{i}]", "-frames:v", "1", "-q:v", "2", Path.Combine(folder, $"{stem}-{CropNames[i]}.jpg") });
        }

        ffmpeg.Run(args, $"Report: 200% crops of {still}");
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
