namespace CineForge.Cli.Commands.New;

/// <summary>The settings of <c>cineforge new</c>.</summary>
public sealed record NewSettings
{
    /// <summary>The film's name: the folder name, and (in title case) the film's title.</summary>
    public required string Name { get; init; }

    /// <summary>--output DIR: the folder to create (default: ./NAME).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The local feed that holds the CineForge.Sdk package (default: <c>CINEFORGE_FEED</c>, else <c>../feed</c> from the command's folder).</summary>
    public string? FeedDirectory { get; init; }
}
