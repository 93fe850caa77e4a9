using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CineForge.Finishing.Tests;

/// <summary>An independent loudness reading for tests: ffmpeg's ebur128 summary, parsed here rather than by the code under test.</summary>
internal static class Ebur128
{
    public static double Integrated(string path)
    {
        var summary = Summary(path);
        return double.Parse(Regex.Match(summary, @"I:\s*(-?[0-9.]+) LUFS").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The true peak of <paramref name="path"/>'s audio in dBTP (ebur128 with <c>peak=true</c>: 4x oversampled).</summary>
    public static double TruePeak(string path)
    {
        var summary = Summary(path, "ebur128=peak=true");
        var peak = Regex.Match(summary, @"True peak:\s*Peak:\s*(-?[0-9.]+|-inf) dBFS").Groups[1].Value;
        return peak == "-inf" ? double.NegativeInfinity : double.Parse(peak, CultureInfo.InvariantCulture);
    }

    private static string Summary(string path, string filter = "ebur128")
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-hide_banner", "-nostats", "-i", path, "-map", "0:a:0", "-af", filter, "-f", "null", "-" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return log[log.LastIndexOf("Integrated loudness:", StringComparison.Ordinal)..];
    }
}
