using System.CommandLine;

namespace CineForge.Cli.Commands.Check;

/// <summary>How diagnostics are written.</summary>
public enum DiagnosticFormat
{
    /// <summary>Compiler-style lines.</summary>
    Text,

    /// <summary>A SARIF 2.1.0 log.</summary>
    Sarif,
}

/// <summary>The settings of <c>cineforge check</c>, each declared once with its option in <see cref="CommandLine"/>.</summary>
public sealed record CheckSettings
{
    /// <summary>The film: a .csx, a .cs, or a folder holding film.csx / film.cs.</summary>
    public required string Film { get; init; }

    /// <summary>--static: compile and analyze without running any script code.</summary>
    public bool Static { get; init; }

    /// <summary>--warnaserror: every warning fails the check.</summary>
    public bool WarnAsError { get; init; }

    /// <summary>--format text|sarif.</summary>
    public DiagnosticFormat Format { get; init; }

    /// <summary>--output FILE: where the SARIF log goes (default: standard output).</summary>
    public string? Output { get; init; }

    /// <summary>--watch: check again whenever the film or a file it loads changes.</summary>
    public bool Watch { get; init; }

    /// <summary>--verbose, --no-progress, --no-cache, --script-timeout.</summary>
    public GlobalSettings Global { get; init; } = GlobalSettings.Default;

    /// <summary>The command line of <c>check</c>: each option once, with the setting it stores.</summary>
    public static CommandSettings<CheckSettings> CommandLine(GlobalOptions global) => new CommandSettings<CheckSettings>(new CheckSettings { Film = string.Empty })
        .Add(FilmInput.CreateArgument(), (s, v) => s with { Film = v })
        .Add(new Option<bool>("--static") { Description = "Compile and analyze only; run no script code (for untrusted changes in CI)." }, (s, v) => s with { Static = v })
        .Add(new Option<bool>("--warnaserror") { Description = "Treat every warning as an error." }, (s, v) => s with { WarnAsError = v })
        .Add(new Option<DiagnosticFormat>("--format") { Description = "Output format: text (compiler-style lines) or sarif (SARIF 2.1.0).", DefaultValueFactory = _ => DiagnosticFormat.Text, CustomParser = OptionValues.OneOf<DiagnosticFormat> }, (s, v) => s with { Format = v })
        .Add(new Option<string?>("--output", "-o") { Description = "Write the SARIF log to this file instead of standard output." }, (s, v) => s with { Output = v })
        .Add(new Option<bool>("--watch") { Description = "Check again whenever the film, a file it loads or an .editorconfig changes." }, (s, v) => s with { Watch = v })
        .Add(global, (s, g) => s with { Global = g });
}
