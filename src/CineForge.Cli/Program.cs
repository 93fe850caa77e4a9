using CineForge.Cli;
using CineForge.Cli.Commands.Render;
using CineForge.Hosting;
using Spectre.Console;

var console = AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = AnsiSupport.Detect,
    ColorSystem = ColorSystemSupport.Detect,
    Interactive = InteractionSupport.Detect,
    Out = new AnsiConsoleOutput(Console.Out),
});

// Redirected output has no width of its own: give tables room instead of Spectre's 80 columns.
if (Console.IsOutputRedirected)
{
    console.Profile.Width = 160;
}

// Ctrl+C and SIGTERM cancel the command, which cleans up and exits 130, instead of killing the process.
using var signals = new TerminationSignals(Console.Error);
try
{
    return await new CineForgeCli(console, Console.Error, FilmRenderers.CreateDefault(Console.Error), AnalyzerSet.CineForge).InvokeAsync(args, signals.Token);
}
catch (OperationCanceledException)
{
    return ExitCodes.Cancelled;
}
