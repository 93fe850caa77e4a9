using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CineForge.Finishing.Tests;

/// <summary>ffprobe run by the tests themselves: what a player would read from a file.</summary>
internal sealed record Probe(string Codec, string PixelFormat, int Width, int Height, double Fps, double VideoDuration, string? AudioCodec)
{
    public static Probe Of(string path)
    {
        var json = JsonDocument.Parse(Run("-v", "error", "-show_entries", "stream=codec_type,codec_name,pix_fmt,width,height,r_frame_rate,duration:format=duration", "-of", "json", path));
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.First(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "audio");
        var rate = video.GetProperty("r_frame_rate").GetString()!.Split('/');
        return new Probe(
            video.GetProperty("codec_name").GetString()!,
            video.GetProperty("pix_fmt").GetString()!,
            video.GetProperty("width").GetInt32(),
            video.GetProperty("height").GetInt32(),
            double.Parse(rate[0], CultureInfo.InvariantCulture) / double.Parse(rate[1], CultureInfo.InvariantCulture),
            double.Parse((video.TryGetProperty("duration", out var d) ? d : json.RootElement.GetProperty("format").GetProperty("duration")).GetString()!, CultureInfo.InvariantCulture),
            audio.ValueKind == JsonValueKind.Undefined ? null : audio.GetProperty("codec_name").GetString());
    }

    /// <summary>The video stream's codec profile as ffprobe names it ("HQ", "Standard", "DNXHR HQ", "High").</summary>
    public static string Profile(string path) => Run("-v", "error", "-select_streams", "v:0", "-show_entries", "stream=profile", "-of", "csv=p=0", path).Trim();

    /// <summary>Width and height of a still picture (JPEG, PNG).</summary>
    public static (int Width, int Height) ImageSize(string path)
    {
        var parts = Run("-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0", path).Trim().Split(',');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Highest luma code value over the whole file (signalstats YMAX) of 4x4-pixel block means: the
    /// brightest area, not one pixel of a lossy encoder's ringing at a sharp edge.
    /// </summary>
    public static int MaxLuma(string path)
    {
        var output = Run("-v", "error", "-f", "lavfi", "-i", $"movie={path.Replace("\\", "/").Replace(":", "\\\\:")},scale=iw/4:ih/4:flags=area,signalstats", "-show_entries", "frame_tags=lavfi.signalstats.YMAX", "-of", "csv=p=0");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l.Trim(), CultureInfo.InvariantCulture)).Max();
    }

    private static string Run(params string[] args)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffprobe failed: " + stderr);
        }

        return stdout.Result;
    }
}
