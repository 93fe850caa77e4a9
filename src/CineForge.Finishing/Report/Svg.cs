using System.Globalization;
using System.Net;
using System.Text;

namespace CineForge.Finishing.Report;

/// <summary>Small inline SVG charts: no script, no server, readable in any browser.</summary>
internal static class Svg
{
    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A line chart of (x, y) points with horizontal reference lines.</summary>
    public static string Line(IReadOnlyList<(double X, double Y)> points, double xMax, double yMin, double yMax, IEnumerable<(double Y, string Label, string Colour)> references, string caption)
    {
        const int W = 560, H = 160, Pad = 34;
        double X(double x) => Pad + ((W - Pad - 8) * x / Math.Max(1e-9, xMax));
        double Y(double y) => 8 + ((H - Pad) * (1 - ((Math.Clamp(y, yMin, yMax) - yMin) / (yMax - yMin))));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{E(caption)}\"><rect x=\"{Pad}\" y=\"8\" width=\"{W - Pad - 8}\" height=\"{H - Pad}\" class=\"plot\"/>");
        for (var v = Math.Ceiling(yMin / 10) * 10; v <= yMax; v += 10)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{N(Y(v) + 4)}\" class=\"tick\">{N(v)}</text>");
        }

        foreach (var (y, label, colour) in references)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" x2=\"{W - 8}\" y1=\"{N(Y(y))}\" y2=\"{N(Y(y))}\" stroke=\"{colour}\" stroke-dasharray=\"4 3\"/><text x=\"{W - 10}\" y=\"{N(Y(y) - 3)}\" text-anchor=\"end\" class=\"tick\" fill=\"{colour}\">{E(label)}</text>");
        }

        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"series\" points=\"").AppendJoin(' ', points.Select(p => N(X(p.X)) + "," + N(Y(p.Y)))).Append("\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Pad}\" y=\"{H - 6}\" class=\"tick\">0 s</text><text x=\"{W - 8}\" y=\"{H - 6}\" text-anchor=\"end\" class=\"tick\">{N(xMax)} s</text></svg>");
        return svg.ToString();
    }

    /// <summary>Paired bars per category (before / after) with a limit line.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Before, double After)> bars, double limit, string limitLabel, string caption)
    {
        const int W = 560, H = 180, Pad = 30;
        var max = Math.Max(limit * 1.2, bars.Count == 0 ? 1 : bars.Max(b => Math.Max(b.Before, b.After)) * 1.1);
        var slot = (W - Pad - 8) / (double)Math.Max(1, bars.Count);
        double Y(double v) => 8 + ((H - Pad - 8) * (1 - (v / max)));
        var svg = new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{E(caption)}\"><rect x=\"{Pad}\" y=\"8\" width=\"{W - Pad - 8}\" height=\"{H - Pad - 8}\" class=\"plot\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var x = Pad + (i * slot);
            var bw = slot * 0.35;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + (slot * 0.1))}\" y=\"{N(Y(bars[i].Before))}\" width=\"{N(bw)}\" height=\"{N(Y(0) - Y(bars[i].Before))}\" class=\"before\"><title>before: {N(bars[i].Before)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + (slot * 0.1) + bw)}\" y=\"{N(Y(bars[i].After))}\" width=\"{N(bw)}\" height=\"{N(Y(0) - Y(bars[i].After))}\" class=\"after\"><title>after: {N(bars[i].After)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (slot / 2))}\" y=\"{H - 8}\" text-anchor=\"middle\" class=\"tick\">{E(bars[i].Label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" x2=\"{W - 8}\" y1=\"{N(Y(limit))}\" y2=\"{N(Y(limit))}\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/><text x=\"{W - 10}\" y=\"{N(Y(limit) - 3)}\" text-anchor=\"end\" class=\"tick\" fill=\"#c0392b\">{E(limitLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{N(Y(max) + 8)}\" class=\"tick\">{N(max)}</text><text x=\"2\" y=\"{N(Y(0))}\" class=\"tick\">0</text></svg>");
        return svg.ToString();
    }
}
