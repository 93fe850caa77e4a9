using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CineForge.Finishing.Tests;

/// <summary>An independent loudness reading for tests: ffmpeg's ebur128 summary, parsed here rather than by the code under test.</summary>
internal static class Ebur128
{
    public static double Integrated(string path)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-hide_banner", "-nostats", "-i", path, "-af", "ebur128", "-f", "null", "-" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var log = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var summary = log[log.LastIndexOf("Integrated loudness:", StringComparison.Ordinal)..];
        return double.Parse(Regex.Match(summary, @"I:\s*(-?[0-9.]+) LUFS").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
