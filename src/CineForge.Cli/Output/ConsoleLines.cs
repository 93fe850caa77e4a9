using Spectre.Console;

namespace CineForge.Cli.Output;

/// <summary>Writes plain lines straight to the console's writer: diagnostics and JSON must never be wrapped or read as markup.</summary>
public static class ConsoleLines
{
    /// <summary>Writes <paramref name="line"/> and a newline.</summary>
    public static void Line(this IAnsiConsole console, string line) => console.Profile.Out.Writer.WriteLine(line);

    /// <summary>Writes <paramref name="text"/> as is.</summary>
    public static void Raw(this IAnsiConsole console, string text) => console.Profile.Out.Writer.Write(text);

    /// <summary>True when a spinner may be drawn: an interactive terminal and no --no-progress.</summary>
    public static bool ShowsProgress(this IAnsiConsole console, bool noProgress) => !noProgress && console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal;
}
