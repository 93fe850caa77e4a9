using System.CommandLine;
using CineForge.Hosting;

namespace CineForge.Cli;

/// <summary>Options every command takes (recursive on the root command).</summary>
public sealed class GlobalOptions
{
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
        Recursive = true,
    };

    /// <summary>The --script-timeout value as a time span (the option's validator has rejected what is not a positive number of seconds).</summary>
    public static TimeSpan RunTimeout(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Creates the options.</summary>
    public GlobalOptions() => ScriptTimeout.Validators.Add(result =>
    {
        // A token that is not a number is the parser's error to report; reading it here would throw.
        if (result.Tokens.Any(t => !double.TryParse(t.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return;
        }

        var seconds = result.GetValueOrDefault<double>();
        if (!(seconds > 0 && seconds <= MaxTimeoutSeconds))
        {
            result.AddError($"--script-timeout takes a number of seconds above 0 and at most {MaxTimeoutSeconds}; got {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    });

    private const double MaxTimeoutSeconds = 86_400;

    /// <summary>Adds the options to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        root.Add(Verbose);
        root.Add(NoProgress);
        root.Add(NoCache);
        root.Add(ScriptTimeout);
    }
}
