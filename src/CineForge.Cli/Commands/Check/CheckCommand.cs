using System.CommandLine;
using CineForge.Cli.Output;
using CineForge.Hosting;
using Spectre.Console;

namespace CineForge.Cli.Commands.Check;

/// <summary>
/// <c>cineforge check film.csx</c>: compile, analyze, run the declaration and validate every film;
/// print compiler-style diagnostics (or SARIF). Never renders.
/// </summary>
public sealed class CheckCommand
{
    /// <summary>Printed before each check in watch mode; the VS Code task's background matcher starts on it.</summary>
    public const string WatchBegins = "cineforge: checking ";

    /// <summary>Printed after each check in watch mode; the background matcher ends on it.</summary>
    public const string WatchEnds = "cineforge: watching for changes (Ctrl+C to stop)";

    private readonly IAnsiConsole console;
    private readonly TextWriter errors;
    private readonly FilmChecker checker;

    /// <summary>Creates the command writing to <paramref name="console"/> (and usage errors to <paramref name="errors"/>).</summary>
    public CheckCommand(IAnsiConsole console, TextWriter errors, FilmChecker checker)
    {
        this.console = console;
        this.errors = errors;
        this.checker = checker;
    }

    /// <summary>How often watch mode looks for changes.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build(GlobalOptions global) => CheckSettings.CommandLine(global)
        .Command("check", "Compile, analyze and validate a film; print its diagnostics. Never renders.", ExecuteAsync);

    /// <summary>Runs the check; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(CheckSettings settings, CancellationToken cancellationToken)
    {
        if (FilmInput.ResolveOrReport(settings.Film, errors) is not { } path)
        {
            return ExitCodes.Usage;
        }

        if (settings.Output is not null && settings.Format != DiagnosticFormat.Sarif)
        {
            errors.WriteLine("cineforge: --output writes the SARIF log: use it with --format sarif");
            return ExitCodes.Usage;
        }

        try
        {
            return settings.Watch ? await WatchAsync(path, settings, cancellationToken).ConfigureAwait(false) : await CheckOnceAsync(path, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return settings.Watch ? ExitCodes.Success : ExitCodes.Cancelled;
        }
    }

    private async Task<(int ExitCode, FilmCheckResult Result)> RunAsync(string path, CheckSettings settings, CancellationToken cancellationToken)
    {
        var options = new FilmCheckOptions { StaticOnly = settings.Static, WarningsAsErrors = settings.WarnAsError, UseCache = !settings.Global.NoCache, RunTimeout = settings.Global.RunTimeout, Assets = AssetChecks.With(null) };
        var result = await checker.CheckAsync(path, options, settings.Global.NoProgress || settings.Format == DiagnosticFormat.Sarif, cancellationToken).ConfigureAwait(false);
        var exitCode = result.HasErrors ? ExitCodes.FilmErrors : ExitCodes.Success;
        if (settings.Format == DiagnosticFormat.Sarif)
        {
            var log = SarifWriter.Write(result.Diagnostics);
            if (settings.Output is null)
            {
                console.Raw(log);
            }
            else
            {
                WriteAtomically(settings.Output, log);
            }

            return (exitCode, result);
        }

        FilmChecker.Print(result, console.Profile.Out.Writer, settings.Global.Verbose);
        console.Line(Summary(result, settings));
        return (exitCode, result);
    }

    private async Task<int> CheckOnceAsync(string path, CheckSettings settings, CancellationToken cancellationToken) =>
        (await RunAsync(path, settings, cancellationToken).ConfigureAwait(false)).ExitCode;

    private async Task<int> WatchAsync(string path, CheckSettings settings, CancellationToken cancellationToken)
    {
        while (true)
        {
            console.Line(WatchBegins + DiagnosticFormatter.DisplayPath(path));
            var (_, result) = await RunAsync(path, settings, cancellationToken).ConfigureAwait(false);
            var watched = WatchedFiles(path, result);
            var before = Snapshot(watched);
            console.Line(WatchEnds);
            while (Snapshot(watched) == before)
            {
                await Task.Delay(WatchInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static IReadOnlyList<string> WatchedFiles(string path, FilmCheckResult result) =>
        (result.Sources?.Files.Select(f => f.Path) ?? new[] { path })
            .Append(path)
            .Concat(SeverityPolicy.EditorConfigFiles(path))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // Size and write time of each file: editors that save through a rename still change both.
    private static string Snapshot(IEnumerable<string> files) => string.Join("|", files.Select(f =>
    {
        var info = new FileInfo(f);
        return info.Exists ? $"{f}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : f + ":missing";
    }));

    private static string Summary(FilmCheckResult result, CheckSettings settings)
    {
        var film = DiagnosticFormatter.DisplayPath(result.Path);
        var what = result.Ran ? $"{result.Films.Count} film{(result.Films.Count == 1 ? string.Empty : "s")}" : settings.Static ? "static check, no script code run" : "not run";
        var cache = settings.Global.Verbose ? (result.CompiledFromCache ? ", compiled from cache" : ", compiled") : string.Empty;
        return $"Checked {film} ({what}{cache}): {DiagnosticFormatter.Counts(result.Diagnostics)}.";
    }

    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }
}
