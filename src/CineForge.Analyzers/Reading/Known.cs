using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers.Reading;

/// <summary>A setting read from source: its value when it is a compile-time constant, and the call that set it.</summary>
internal readonly struct Known<T>
{
    private Known(T value, SyntaxNode? source)
    {
        IsKnown = true;
        Value = value;
        Source = source;
    }

    /// <summary>A value the analyzers cannot know: they stay silent about it.</summary>
    public static Known<T> Unknown => default;

    public bool IsKnown { get; }

    public T Value { get; }

    /// <summary>The call that set the value; null for a preset's default.</summary>
    public SyntaxNode? Source { get; }

    public static Known<T> Of(T value, SyntaxNode? source = null) => new(value, source);

    /// <summary>True when the value is known and equal to <paramref name="value"/>.</summary>
    public bool Is(T value) => IsKnown && System.Collections.Generic.EqualityComparer<T>.Default.Equals(Value, value);
}
