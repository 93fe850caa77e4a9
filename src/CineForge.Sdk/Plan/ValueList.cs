using System.Collections;
using System.Collections.Immutable;

namespace CineForge;

/// <summary>
/// An immutable list with value equality, so plan records compare (and hash) by content:
/// two films declared the same way are equal.
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> items;

    private ValueList(ImmutableArray<T> items) => this.items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new(ImmutableArray<T>.Empty);

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <summary>A list holding <paramref name="values"/>.</summary>
    public static ValueList<T> From(IEnumerable<T> values) => new(values.ToImmutableArray());

    /// <summary>This list with <paramref name="value"/> appended.</summary>
    public ValueList<T> Add(T value) => new(items.Add(value));

    /// <summary>This list with <paramref name="values"/> appended.</summary>
    public ValueList<T> AddRange(IEnumerable<T> values) => new(items.AddRange(values));

    /// <summary>This list with the element at <paramref name="index"/> replaced.</summary>
    public ValueList<T> SetItem(int index, T value) => new(items.SetItem(index, value));

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) => other is not null && items.SequenceEqual(other.items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>Factory helpers for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    /// <summary>A list holding <paramref name="values"/>.</summary>
    public static ValueList<T> Of<T>(params T[] values) => ValueList<T>.From(values);
}
