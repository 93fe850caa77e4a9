using System.CommandLine;

namespace CineForge.Cli.Commands.Models;

/// <summary>The settings of <c>cineforge models check</c>, each declared once with its argument or option in <see cref="CommandLine"/>.</summary>
public sealed record ModelsCheckSettings
{
    /// <summary>The model folder.</summary>
    public required string Directory { get; init; }

    /// <summary>Whether to hash every file (<c>--no-hash</c> turns it off).</summary>
    public bool Hashes { get; init; } = true;

    /// <summary>The command line of <c>models check</c>.</summary>
    public static CommandSettings<ModelsCheckSettings> CommandLine() => new CommandSettings<ModelsCheckSettings>(new ModelsCheckSettings { Directory = string.Empty })
        .Add(new Argument<string>("dir") { Description = "The model folder (model_index.json, text_encoder/, unet/, vae_decoder/, tokenizer/, ...)." }, (s, v) => s with { Directory = v })
        .Add(new Option<bool>("--no-hash") { Description = "Skip the SHA-256 of each file (hashing reads every weight once)." }, (s, v) => s with { Hashes = !v });
}
