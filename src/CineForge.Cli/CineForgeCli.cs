using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using CineForge.Cli.Commands.Check;
using CineForge.Cli.Commands.Farm;
using CineForge.Cli.Commands.Lsp;
using CineForge.Cli.Commands.Models;
using CineForge.Cli.Commands.New;
using CineForge.Cli.Commands.Plan;
using CineForge.Cli.Commands.Render;
using CineForge.Cli.Commands.Worker;
using CineForge.Hosting;
using Spectre.Console;

namespace CineForge.Cli;

/// <summary>The <c>cineforge</c> command line: check, plan, new, render, models check, lsp.</summary>
public sealed class CineForgeCli
{
    private readonly RootCommand root;
    private readonly TextWriter output;
    private readonly TextWriter errors;

    /// <summary>Builds the command line writing to <paramref name="console"/> and <paramref name="errors"/>.</summary>
    /// <param name="console">Standard output (diagnostics, tables, JSON, SARIF).</param>
    /// <param name="errors">Standard error (usage errors; diagnostics under plan --json).</param>
    /// <param name="renderer">What <c>render</c> hands validated films to (<c>render --farm</c>: the farm's renderer).</param>
    /// <param name="analyzers">The analyzers run on every film's compilation.</param>
    public CineForgeCli(IAnsiConsole console, TextWriter errors, IFilmRenderer renderer, AnalyzerSet analyzers)
        : this(console, errors, FilmRenderers.WithFarm(renderer, errors), analyzers)
    {
    }

    /// <summary>Builds the command line writing to <paramref name="console"/> and <paramref name="errors"/>.</summary>
    /// <param name="console">Standard output (diagnostics, tables, JSON, SARIF).</param>
    /// <param name="errors">Standard error (usage errors; diagnostics under plan --json).</param>
    /// <param name="renderers">What <c>render</c> hands validated films to, here or (<c>--farm</c>) on a farm.</param>
    /// <param name="analyzers">The analyzers run on every film's compilation.</param>
    public CineForgeCli(IAnsiConsole console, TextWriter errors, FilmRenderers renderers, AnalyzerSet analyzers)
    {
        ArgumentNullException.ThrowIfNull(console);
        output = console.Profile.Out.Writer;
        this.errors = errors;
        var checker = new FilmChecker(console, analyzers);
        var global = new GlobalOptions();
        root = new RootCommand("cineforge: films as code. Checks, plans and renders films written as C# scripts (film.csx) or file-based apps (film.cs).");
        global.AddTo(root);
        root.Add(new CheckCommand(console, errors, checker).Build(global));
        root.Add(new PlanCommand(console, errors, checker).Build(global));
        root.Add(new NewCommand(console, errors).Build());
        root.Add(new RenderCommand(console, errors, checker, renderers).Build(global));
        root.Add(new WorkerCommand(console, errors).Build());
        root.Add(new FarmStatusCommand(console, errors).Build());
        root.Add(new ModelsCommand(console).Build());
        root.Add(new LspCommand(errors, analyzers).Build());
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpWithExitCodes((HelpAction)help.Action!);
        }
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (usage errors: <see cref="ExitCodes.Usage"/>; cancelled through <paramref name="cancellationToken"/>: <see cref="ExitCodes.Cancelled"/>).</summary>
    public async Task<int> InvokeAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var parse = root.Parse(args);
        // No ProcessTerminationTimeout: signals are the caller's (Program's TerminationSignals cancel the token), and
        // System.CommandLine's handler would end the process two seconds after one, cleaned up or not.
        var configuration = new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                errors.WriteLine("cineforge: " + error.Message);
            }

            errors.WriteLine("Run 'cineforge --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine("cineforge: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            errors.WriteLine($"cineforge: internal error: {ex.GetType().Name}: {ex.Message}");
            if (args.Contains("--verbose") || args.Contains("-v"))
            {
                errors.WriteLine(ex.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    /// <summary>The default help, followed by the exit codes.</summary>
    private sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            var writer = parseResult.InvocationConfiguration.Output;
            writer.WriteLine("Exit codes:");
            foreach (var (exitCode, meaning) in ExitCodes.Table)
            {
                writer.WriteLine($"  {exitCode,-5}{meaning}");
            }

            writer.WriteLine();
            return code;
        }
    }
}
