using CineForge.Cli.Output;
using CineForge.Hosting;
using Spectre.Console;

namespace CineForge.Cli;

/// <summary>Runs the host's check for a command, behind a spinner on a terminal, and prints its diagnostics.</summary>
public sealed class FilmChecker
{
    private readonly IAnsiConsole console;
    private readonly AnalyzerSet analyzers;

    /// <summary>Creates a checker that runs <paramref name="analyzers"/> and reports on <paramref name="console"/>.</summary>
    public FilmChecker(IAnsiConsole console, AnalyzerSet analyzers)
    {
        this.console = console;
        this.analyzers = analyzers;
    }

    /// <summary>Checks <paramref name="path"/>.</summary>
    public async Task<FilmCheckResult> CheckAsync(string path, FilmCheckOptions options, bool noProgress, CancellationToken cancellationToken)
    {
        options = options with { Analyzers = options.Analyzers ?? analyzers };
        if (!console.ShowsProgress(noProgress))
        {
            return await FilmScript.CheckAsync(path, options, cancellationToken).ConfigureAwait(false);
        }

        return await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync($"Checking {Markup.Escape(DiagnosticFormatter.DisplayPath(path))}", _ => FilmScript.CheckAsync(path, options, cancellationToken))
            .ConfigureAwait(false);
    }

    /// <summary>Prints every diagnostic compiler-style on <paramref name="writer"/>; with <paramref name="verbose"/>, the exceptions behind host errors too.</summary>
    public static void Print(FilmCheckResult result, TextWriter writer, bool verbose)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            writer.WriteLine(DiagnosticFormatter.Format(diagnostic));
            if (verbose && diagnostic.Exception is { } exception)
            {
                writer.WriteLine(exception.ToString());
            }
        }
    }
}
