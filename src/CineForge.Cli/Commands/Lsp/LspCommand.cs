using System.CommandLine;
using CineForge.Hosting;
using CineForge.Lsp;

namespace CineForge.Cli.Commands.Lsp;

/// <summary>
/// <c>cineforge lsp</c>: the language server on standard input and output, for editors (VS Code,
/// Neovim, Helix, Emacs; see docs/editors.md). Standard output carries the protocol only; the log
/// goes to standard error and to the client's log (window/logMessage).
/// </summary>
public sealed class LspCommand(TextWriter errors, AnalyzerSet analyzers)
{
    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build() => LspSettings.CommandLine()
        .Command("lsp", "Run the language server over stdio: CF and compiler diagnostics while typing, code fixes, rule help on hover (for .csx and film.cs).", (settings, cancellationToken) => ExecuteAsync(settings.DebounceMs, cancellationToken));

    /// <summary>Serves one client on this process's standard streams; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(int? debounceMs, CancellationToken cancellationToken)
    {
        var options = new LanguageServerOptions { Analyzers = analyzers, Log = errors, DebounceMs = debounceMs ?? new LanguageServerOptions().DebounceMs };
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        return await LanguageServer.RunAsync(input, output, options, cancellationToken).ConfigureAwait(false);
    }
}
