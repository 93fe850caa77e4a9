using System.CommandLine;

namespace CineForge.Cli.Commands.Lsp;

/// <summary>The settings of <c>cineforge lsp</c>, each declared once with its option in <see cref="CommandLine"/>.</summary>
public sealed record LspSettings
{
    /// <summary>--debounce MS (0 or more): how long to wait after an edit before analysing again; null for the server's default (the client's initializationOptions.debounceMs wins).</summary>
    public int? DebounceMs { get; init; }

    /// <summary>The command line of <c>lsp</c>.</summary>
    public static CommandSettings<LspSettings> CommandLine() => new CommandSettings<LspSettings>(new LspSettings())

        // Editors' clients pass --stdio by habit: it is the only transport, so it is accepted and changes nothing.
        .Add(new Option<bool>("--stdio") { Description = "Talk over standard input and output (the default and only transport)." }, (s, _) => s)
        .Add(new Option<int?>("--debounce") { Description = "Milliseconds to wait after an edit before analysing again (default 50; the client's initializationOptions.debounceMs wins).", CustomParser = r => OptionValues.AtLeast(r, 0) }, (s, v) => s with { DebounceMs = v });
}
