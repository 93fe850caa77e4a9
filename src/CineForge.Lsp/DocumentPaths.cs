using CineForge.Lsp.Protocol;
using Microsoft.CodeAnalysis.Text;

namespace CineForge.Lsp;

/// <summary>URIs and paths, LSP positions and Roslyn offsets (both count UTF-16 code units).</summary>
internal static class DocumentPaths
{
    /// <summary>The full path of a <c>file:</c> URI; null for other schemes or malformed URIs.</summary>
    public static string? PathOf(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    /// <summary>The <c>file:</c> URI of a path.</summary>
    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    /// <summary>The offset of <paramref name="position"/> in <paramref name="text"/>, clamped to the text.</summary>
    public static int OffsetOf(SourceText text, Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= text.Lines.Count)
        {
            return text.Length;
        }

        var line = text.Lines[position.Line];
        return Math.Min(line.Start + Math.Max(0, position.Character), line.End);
    }

    /// <summary>The span of <paramref name="range"/> in <paramref name="text"/>.</summary>
    public static TextSpan SpanOf(SourceText text, Protocol.Range range)
    {
        var start = OffsetOf(text, range.Start);
        var end = OffsetOf(text, range.End);
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    /// <summary>The LSP position of an offset.</summary>
    public static Position PositionOf(SourceText text, int offset)
    {
        var at = text.Lines.GetLinePosition(Math.Clamp(offset, 0, text.Length));
        return new Position(at.Line, at.Character);
    }

    /// <summary>The LSP range of a span.</summary>
    public static Protocol.Range RangeOf(SourceText text, TextSpan span) => new(PositionOf(text, span.Start), PositionOf(text, span.End));

    /// <summary>The LSP range of a Roslyn line span.</summary>
    public static Protocol.Range RangeOf(LinePositionSpan span) => new(new Position(span.Start.Line, span.Start.Character), new Position(span.End.Line, span.End.Character));

    /// <summary>True when the two ranges overlap or touch.</summary>
    public static bool Intersects(Protocol.Range a, Protocol.Range b) => Compare(a.Start, b.End) <= 0 && Compare(b.Start, a.End) <= 0;

    /// <summary>Orders positions.</summary>
    public static int Compare(Position a, Position b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);
}
