namespace CineForge;

/// <summary>The film's format: a short, or an ad that ends on a call to action.</summary>
public sealed record Format
{
    /// <summary>Short or ad.</summary>
    public FilmKind Kind { get; init; }

    /// <summary>The ad's call to action, in words ("Tonight, try it.").</summary>
    public string? CallToAction { get; init; }

    /// <summary>A short film.</summary>
    public static Format Short() => new() { Kind = FilmKind.Short };

    /// <summary>An ad whose last shot carries <paramref name="cta"/>.</summary>
    public static Format Ad(string cta) => new() { Kind = FilmKind.Ad, CallToAction = Guard.Text(cta, nameof(cta)) };
}
