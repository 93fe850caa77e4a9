using System.CommandLine;

namespace CineForge.Cli;

/// <summary>
/// A command's settings record and its command line, declared together: each argument or option is
/// written once, with the one line that stores its value, and the record is bound from a parse
/// result here and nowhere else. Values are checked while parsing (<see cref="OptionValues"/>), so a
/// bad one is a usage error (exit 2) naming the option before the command runs.
/// </summary>
/// <typeparam name="TSettings">The command's immutable settings record.</typeparam>
public sealed class CommandSettings<TSettings>
    where TSettings : class
{
    private readonly TSettings defaults;
    private readonly List<Symbol> symbols = [];
    private readonly List<Func<ParseResult, TSettings, TSettings>> bindings = [];

    /// <summary>Starts from <paramref name="defaults"/>: what a command line that names no option gives.</summary>
    public CommandSettings(TSettings defaults) => this.defaults = defaults;

    /// <summary>The arguments and options, in the order help lists them.</summary>
    public IReadOnlyList<Symbol> Symbols => symbols;

    /// <summary>Adds <paramref name="argument"/>; <paramref name="store"/> puts its value into the settings.</summary>
    public CommandSettings<TSettings> Add<T>(Argument<T> argument, Func<TSettings, T, TSettings> store)
    {
        symbols.Add(argument);
        bindings.Add((parse, settings) => store(settings, parse.GetValue(argument)!));
        return this;
    }

    /// <summary>Adds <paramref name="option"/>; <paramref name="store"/> puts its value into the settings.</summary>
    public CommandSettings<TSettings> Add<T>(Option<T> option, Func<TSettings, T, TSettings> store)
    {
        symbols.Add(option);
        bindings.Add((parse, settings) => store(settings, parse.GetValue(option)!));
        return this;
    }

    /// <summary>Reads the root's <paramref name="global"/> options too (declared once, on the root; every command sees them).</summary>
    public CommandSettings<TSettings> Add(GlobalOptions global, Func<TSettings, GlobalSettings, TSettings> store)
    {
        ArgumentNullException.ThrowIfNull(global);
        bindings.Add((parse, settings) => store(settings, global.Bind(parse)));
        return this;
    }

    /// <summary>The settings that <paramref name="parse"/> gives.</summary>
    public TSettings Bind(ParseResult parse) => bindings.Aggregate(defaults, (settings, bind) => bind(parse, settings));

    /// <summary>The command <paramref name="name"/>, taking these arguments and options and running <paramref name="execute"/> on the bound settings.</summary>
    public Command Command(string name, string description, Func<TSettings, CancellationToken, Task<int>> execute)
    {
        var command = NewCommand(name, description);
        command.SetAction((parse, cancellationToken) => execute(Bind(parse), cancellationToken));
        return command;
    }

    /// <summary>As <see cref="Command(string, string, Func{TSettings, CancellationToken, Task{int}})"/>, for a command that runs synchronously.</summary>
    public Command Command(string name, string description, Func<TSettings, int> execute)
    {
        var command = NewCommand(name, description);
        command.SetAction(parse => execute(Bind(parse)));
        return command;
    }

    private Command NewCommand(string name, string description)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Add(argument);
                    break;
                case Option option:
                    command.Add(option);
                    break;
            }
        }

        return command;
    }
}
