using System.CommandLine;

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

    /// <summary>Adds the options to <paramref name="root"/>.</summary>
    public void AddTo(RootCommand root)
    {
        root.Add(Verbose);
        root.Add(NoProgress);
        root.Add(NoCache);
    }
}
