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

try
{
    return await new CineForgeCli(console, Console.Error, FilmRenderers.CreateDefault(), AnalyzerSet.CineForge).InvokeAsync(args);
}
catch (OperationCanceledException)
{
    return ExitCodes.Cancelled;
}
