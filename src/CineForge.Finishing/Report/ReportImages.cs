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

    /// <summary>200% crops of the four corners and of the subject (centred on <paramref name="subject"/>, in frame pixels), from a shot's graded middle frame <paramref name="still"/>.</summary>
    public static void Crops(FfmpegTool ffmpeg, string still, Timeline timeline, (double X, double Y) subject, string folder, string stem)
    {
        var w = timeline.Size.Width;
        var h = timeline.Size.Height;
        var cw = Math.Max(16, w / 6 / 2 * 2);
        var ch = Math.Max(16, h / 6 / 2 * 2);
        var sx = Math.Clamp((int)subject.X - (cw / 2), 0, w - cw);
        var sy = Math.Clamp((int)subject.Y - (ch / 2), 0, h - ch);
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

    /// <summary>
    /// A shot's graded middle frame <paramref name="still"/> as the two exports show it: the 16:9 frame with
    /// the 9:16 window drawn on it (<c>{stem}-16x9.jpg</c>), and the window alone (<c>{stem}-9x16.jpg</c>), both <see cref="FrameHeight"/> high.
    /// </summary>
    public static void Frames(FfmpegTool ffmpeg, string still, int windowX, int windowWidth, string folder, string stem)
    {
        var graph = $"[0:v]split[a][b];[a]drawbox=x={windowX}:y=0:w={windowWidth}:h=ih:color=yellow@0.9:t=4,scale=-2:{FrameHeight}[wide];[b]crop={windowWidth}:ih:{windowX}:0,scale=-2:{FrameHeight}[tall]";
        ffmpeg.Run(new[] { "-i", still, "-filter_complex", graph, "-map", "[wide]", "-frames:v", "1", "-q:v", "3", Path.Combine(folder, stem + "-16x9.jpg"), "-map", "[tall]", "-frames:v", "1", "-q:v", "3", Path.Combine(folder, stem + "-9x16.jpg") }, $"Report: 16:9 and 9:16 frames of {still}");
    }

    /// <summary>Height of the report's 16:9 and 9:16 frames, in pixels.</summary>
    public const int FrameHeight = 270;

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
