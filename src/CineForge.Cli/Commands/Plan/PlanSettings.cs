using System.CommandLine;

namespace CineForge.Cli.Commands.Plan;

/// <summary>The settings of <c>cineforge plan</c>, each declared once with its option in <see cref="CommandLine"/>.</summary>
public sealed record PlanSettings
{
    /// <summary>The film: a .csx, a .cs, or a folder holding film.csx / film.cs.</summary>
    public required string Film { get; init; }

    /// <summary>--json: write the settings log (the plan as JSON) instead of tables.</summary>
    public bool Json { get; init; }

    /// <summary>--verbose, --no-progress, --no-cache, --script-timeout.</summary>
    public GlobalSettings Global { get; init; } = GlobalSettings.Default;

    /// <summary>The command line of <c>plan</c>: each option once, with the setting it stores.</summary>
    public static CommandSettings<PlanSettings> CommandLine(GlobalOptions global) => new CommandSettings<PlanSettings>(new PlanSettings { Film = string.Empty })
        .Add(FilmInput.CreateArgument(), (s, v) => s with { Film = v })
        .Add(new Option<bool>("--json") { Description = "Write the settings log (the resolved plan as JSON) instead of tables." }, (s, v) => s with { Json = v })
        .Add(global, (s, g) => s with { Global = g });
}
