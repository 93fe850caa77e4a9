using System;
using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers.Reading;

/// <summary>
/// Identifies a syntax node by its tree, full span and kind: no two nodes of one kind share a full span.
/// Cheaper to hash than the node itself (an object whose identity hash the runtime has to create on first
/// use), which matters when a 500-shot film memoizes thousands of nodes. The full span, not the span: a
/// node's span skips its leading trivia, found by descending to its first token, and a link of a
/// 500-call chain sits hundreds of levels above it, so keying every link by span costs quadratic time.
/// </summary>
internal readonly struct NodeKey : IEquatable<NodeKey>
{
    private readonly SyntaxTree tree;
    private readonly int start;
    private readonly int length;
    private readonly int kind;

    public NodeKey(SyntaxNode node)
    {
        tree = node.SyntaxTree;
        var span = node.FullSpan;
        start = span.Start;
        length = span.Length;
        kind = node.RawKind;
    }

    public bool Equals(NodeKey other) => start == other.start && length == other.length && kind == other.kind && ReferenceEquals(tree, other.tree);

    public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);

    public override int GetHashCode() => unchecked((((start * 397) ^ length) * 397) ^ kind);
}
