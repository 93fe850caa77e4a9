using System.Globalization;
using CineForge.Finishing.Media;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Tests;

/// <summary>Short synthetic clips and sounds generated with FFmpeg, in a temporary folder deleted on dispose.</summary>
internal sealed class Synthetic : IDisposable
{
    public Synthetic()
    {
        Root = Path.Combine(Path.GetTempPath(), "cineforge-finishing-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>A testsrc2 clip with a colour cast (per-channel gains), 24 fps.</summary>
    public string Clip(string name, double seconds, double red = 1, double green = 1, double blue = 1, int width = 192, int height = 108)
    {
        var path = PathOf(name + ".mp4");
        FfmpegTool.Default.Run(new[]
        {
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=24:duration={F(seconds)}",
            "-vf", $"colorchannelmixer=rr={F(red)}:gg={F(green)}:bb={F(blue)}",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", "yuv420p", path,
        }, "test clip");
        return path;
    }

    /// <summary>A dark clip with a bright box (the subject) whose left edge sits at <paramref name="subjectX"/> of the width.</summary>
    public string SubjectClip(string name, double seconds, double subjectX, int width = 384, int height = 216)
    {
        var path = PathOf(name + ".mp4");
        var boxWidth = width / 8;
        FfmpegTool.Default.Run(new[]
        {
            "-f", "lavfi", "-i", $"color=c=0x202020:size={width}x{height}:rate=24:duration={F(seconds)}",
            "-vf", $"drawbox=x={(int)(subjectX * width)}:y={height / 4}:w={boxWidth}:h={height / 2}:color=0xf0e0d0:t=fill,drawgrid=x={(int)(subjectX * width)}:y={height / 4}:w=4:h=4:t=1:color=0x303030",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", "yuv420p", path,
        }, "test subject clip");
        return path;
    }

    /// <summary>A sine tone (mono, 48 kHz) at an arbitrary level.</summary>
    public string Tone(string name, double seconds, double frequency = 1000, double volumeDb = -20)
    {
        var path = PathOf(name + ".wav");
        FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", $"sine=frequency={F(frequency)}:sample_rate=48000:duration={F(seconds)}", "-af", $"volume={F(volumeDb)}dB", "-c:a", "pcm_s16le", path }, "test tone");
        return path;
    }

    /// <summary>Pink noise (mono, 48 kHz).</summary>
    public string Noise(string name, double seconds, double amplitude = 0.3)
    {
        var path = PathOf(name + ".wav");
        FfmpegTool.Default.Run(new[] { "-f", "lavfi", "-i", $"anoisesrc=color=pink:amplitude={F(amplitude)}:sample_rate=48000:duration={F(seconds)}:seed=7", "-c:a", "pcm_s16le", path }, "test noise");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    internal static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
