using System.CommandLine;

namespace CineForge.Cli.Commands.New;

/// <summary>The settings of <c>cineforge new</c>, each declared once with its argument or option in <see cref="CommandLine"/>.</summary>
public sealed record NewSettings
{
    /// <summary>The film's name: the folder name, and (in title case) the film's title.</summary>
    public required string Name { get; init; }

    /// <summary>--output DIR: the folder to create (default: ./NAME).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The local feed that holds the CineForge.Sdk package (default: <c>CINEFORGE_FEED</c>, else <c>../feed</c> from the command's folder).</summary>
    public string? FeedDirectory { get; init; }

    /// <summary>The command line of <c>new</c>: the name (checked while parsing) and each option once, with the setting it stores.</summary>
    public static CommandSettings<NewSettings> CommandLine()
    {
        var name = new Argument<string>("name") { Description = "The film's name: the folder to create and, in title case, the film's title." };
        name.Validators.Add(result =>
        {
            if (NameError(result.GetValueOrDefault<string>() ?? string.Empty) is { } error)
            {
                result.AddError(error);
            }
        });
        return new CommandSettings<NewSettings>(new NewSettings { Name = string.Empty })
            .Add(name, (s, v) => s with { Name = v })
            .Add(new Option<string?>("--output", "-o") { Description = "The folder to create (default: ./NAME)." }, (s, v) => s with { OutputDirectory = v });
    }

    /// <summary>Why <paramref name="name"/> cannot name a film folder; null when it can.</summary>
    public static string? NameError(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return trimmed.Length == 0 || trimmed.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || trimmed is "." or ".."
            ? $"'{name}' is not a film name: use letters, digits and dashes (it becomes a folder name)"
            : null;
    }
}
