using System.CommandLine;
using CineForge.Hosting;

namespace CineForge.Cli;

/// <summary>The options every command takes, declared once on the root command (recursive) and read into <see cref="GlobalSettings"/>.</summary>
public sealed class GlobalOptions
{
    private const double MaxTimeoutSeconds = 86_400;

    /// <summary>--verbose: stack traces of scripts that throw, cache hits.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show details: the stack trace of a script that throws, whether the compile cache was used.", Recursive = true };

    /// <summary>--no-progress: no spinners, even on a terminal.</summary>
    public Option<bool> NoProgress { get; } = new("--no-progress") { Description = "Never draw progress (always off when output is not a terminal).", Recursive = true };

    /// <summary>--no-cache: compile every time.</summary>
    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Compile the film even when the compile cache holds it.", Recursive = true };

    /// <summary>--script-timeout SECONDS: how long a film's script may run before check, plan or render stop it.</summary>
    public Option<double> ScriptTimeout { get; } = new("--script-timeout")
    {
        Description = "Seconds a film's script may run before it is stopped as a script that never ends (check, plan, render).",
        DefaultValueFactory = _ => FilmCheckOptions.DefaultRunTimeout.TotalSeconds,
        CustomParser = result => OptionValues.Seconds(result, above: 0, atMost: MaxTimeoutSeconds),
        Recursive = true,
    };

    /// <summary>Adds the options to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(Verbose);
        root.Add(NoProgress);
        root.Add(NoCache);
        root.Add(ScriptTimeout);
    }

    /// <summary>The values <paramref name="parse"/> gives them.</summary>
    public GlobalSettings Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new GlobalSettings
        {
            Verbose = parse.GetValue(Verbose),
            NoProgress = parse.GetValue(NoProgress),
            NoCache = parse.GetValue(NoCache),
            RunTimeout = TimeSpan.FromSeconds(parse.GetValue(ScriptTimeout)),
        };
    }
}

/// <summary>The values of the options every command takes (<see cref="GlobalOptions"/>).</summary>
public sealed record GlobalSettings
{
    /// <summary>No option given.</summary>
    public static GlobalSettings Default { get; } = new();

    /// <summary>--verbose.</summary>
    public bool Verbose { get; init; }

    /// <summary>--no-progress.</summary>
    public bool NoProgress { get; init; }

    /// <summary>--no-cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>--script-timeout: how long the film's script may run.</summary>
    public TimeSpan RunTimeout { get; init; } = FilmCheckOptions.DefaultRunTimeout;
}
