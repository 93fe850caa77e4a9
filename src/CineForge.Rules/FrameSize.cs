using System;

namespace CineForge.Rules;

/// <summary>A frame size in pixels.</summary>
public readonly struct FrameSize : IEquatable<FrameSize>
{
    /// <summary>Creates a size of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public FrameSize(int width, int height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>"1536x864".</summary>
    public override string ToString() => Width + "x" + Height;

    /// <inheritdoc />
    public bool Equals(FrameSize other) => Width == other.Width && Height == other.Height;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FrameSize other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Width * 397) ^ Height;

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> are equal (<see cref="Equals(FrameSize)"/>).</summary>
    public static bool operator ==(FrameSize left, FrameSize right) => left.Equals(right);

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> differ.</summary>
    public static bool operator !=(FrameSize left, FrameSize right) => !left.Equals(right);
}
