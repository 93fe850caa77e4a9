using System.Globalization;
using System.Text.RegularExpressions;
using CineForge.Finishing.Media;
using CineForge.Runtime.Media;

namespace CineForge.Finishing.Sound;

/// <summary>An EBU R128 measurement.</summary>
/// <param name="Integrated">Integrated loudness in LUFS (−70 for silence: below the absolute gate).</param>
/// <param name="TruePeak">True peak in dBTP.</param>
/// <param name="Momentary">Momentary loudness (400 ms window) every 100 ms: (seconds, LUFS).</param>
public sealed record LoudnessMeasurement(double Integrated, double TruePeak, IReadOnlyList<(double Time, double Lufs)> Momentary);

/// <summary>Measures loudness with FFmpeg's <c>ebur128</c> filter (EBU R128 / ITU-R BS.1770).</summary>
public static partial class LoudnessMeter
{
    /// <summary>Integrated loudness FFmpeg reports for a silent signal.</summary>
    public const double Silence = -70;

    /// <summary>Measures <paramref name="path"/>'s first audio stream with <paramref name="ffmpeg"/>.</summary>
    public static LoudnessMeasurement Measure(FfmpegTool ffmpeg, string path, CancellationToken cancellationToken = default)
    {
        var log = ffmpeg.Run(new[] { "-nostats", "-i", path, "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-" }, $"measuring the loudness of {path}", cancellationToken);
        return Parse(log, path);
    }

    /// <summary>Reads ebur128's per-100 ms lines and its summary from an FFmpeg log.</summary>
    internal static LoudnessMeasurement Parse(string log, string what)
    {
        var momentary = MomentaryLine().Matches(log)
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var summary = log.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (summary < 0)
        {
            throw new FinishingException($"{what}: FFmpeg's ebur128 printed no loudness summary.", path: what);
        }

        var tail = log[summary..];
        var integrated = IntegratedLine().Match(tail);
        var peak = PeakLine().Match(tail);
        if (!integrated.Success)
        {
            throw new FinishingException($"{what}: no integrated loudness in ebur128's summary.", path: what);
        }

        return new LoudnessMeasurement(
            double.Parse(integrated.Groups[1].Value, CultureInfo.InvariantCulture),
            peak.Success ? ParsePeak(peak.Groups[1].Value) : double.NaN,
            momentary);
    }

    private static double ParsePeak(string text) => text == "-inf" ? double.NegativeInfinity : double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"t:\s*([0-9.]+)\s+TARGET:\S+\s+LUFS\s+M:\s*(-?[0-9.]+)")]
    private static partial Regex MomentaryLine();

    [GeneratedRegex(@"I:\s*(-?[0-9.]+)\s+LUFS")]
    private static partial Regex IntegratedLine();

    [GeneratedRegex(@"Peak:\s*(-?[0-9.]+|-inf)\s+dBFS")]
    private static partial Regex PeakLine();
}
