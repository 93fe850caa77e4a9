using System.CommandLine;
using System.Globalization;
using System.Reflection;
using CineForge.Hosting;
using Spectre.Console;

namespace CineForge.Cli.Commands.New;

/// <summary>
/// <c>cineforge new NAME</c>: scaffolds a film folder: film.csx and film.cs (the same film, from the
/// brief template, clean under <c>check</c>), assets/, .editorconfig, a .gitignore for render
/// outputs, omnisharp.json, .vscode/ tasks that run <c>check --watch</c> with the compiler
/// problem matcher, .vscode/ settings that start <c>cineforge lsp</c> through a generic LSP client,
/// and a nuget.config naming the local feed that holds the CineForge.Sdk package
/// (<see cref="SdkFeed"/>), so <c>dotnet build film.cs</c> restores it. Refuses to write into a
/// folder that is not empty; writes nothing on error.
/// </summary>
public sealed class NewCommand
{
    private const string ResourcePrefix = "Template/";

    private readonly IAnsiConsole console;
    private readonly TextWriter errors;

    /// <summary>Creates the command.</summary>
    public NewCommand(IAnsiConsole console, TextWriter errors)
    {
        this.console = console;
        this.errors = errors;
    }

    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build() => NewSettings.CommandLine()
        .Command("new", "Scaffold a film folder: film.csx, film.cs, assets/, .editorconfig, .gitignore, omnisharp.json, .vscode/ tasks and language server settings.", Execute);

    /// <summary>The scaffold's files: relative path and text; with a feed, its nuget.config too.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string title, SdkFeed? feed = null)
    {
        var assembly = typeof(NewCommand).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => (Path: TargetPath(n.Substring(ResourcePrefix.Length)), Text: Fill(Read(assembly, n), title)))
            .Concat(feed is null ? [] : [(Path: "nuget.config", Text: feed.NuGetConfig())])
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes the scaffold; returns the exit code.</summary>
    public int Execute(NewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The command line has checked the name while parsing; a caller that builds settings itself gets the same check.
        if (NewSettings.NameError(settings.Name) is { } nameError)
        {
            errors.WriteLine("cineforge: " + nameError);
            return ExitCodes.Usage;
        }

        var name = settings.Name.Trim();

        var target = Path.GetFullPath(settings.OutputDirectory ?? name);
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            errors.WriteLine($"cineforge: {target} already exists and is not empty; pick another name or --output folder");
            return ExitCodes.Usage;
        }

        // The package feed, for `dotnet build film.cs` and IDEs; `cineforge check` needs none.
        var located = SdkFeed.Locate(settings.FeedDirectory);
        var feed = located.HasSdk ? located : null;
        var files = Files(TitleOf(name), feed);

        // Build the whole folder beside the target, then rename it into place: nothing half-written.
        var staging = target.TrimEnd(Path.DirectorySeparatorChar) + ".new-" + Guid.NewGuid().ToString("N");
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(staging, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            errors.WriteLine($"cineforge: cannot create {target}: {ex.Message}");
            return ExitCodes.Usage;
        }

        console.MarkupLine($"Created [bold]{Markup.Escape(target)}[/]:");
        foreach (var (path, _) in files)
        {
            console.MarkupLine("  " + Markup.Escape(path));
        }

        var film = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(target, "film.csx"));
        console.MarkupLine($"Next: [bold]cineforge check {Markup.Escape(film)}[/]");
        if (feed is null)
        {
            errors.WriteLine($"cineforge: warning: no {SdkPackage.Id} package in {located.Directory}, so {Path.GetFileName(target)}/ has no nuget.config: `cineforge check` works, but `dotnet build film.cs` and IDEs cannot restore {SdkPackage.Id}, which is on no public feed. The launcher ./cineforge of a CineForge clone packs it into the clone's artifacts/feed/ (or set {SdkFeed.Variable} to a folder that holds it); README: \"Using the SDK package outside cineforge\".");
        }

        else
        {
            var folder = Path.GetRelativePath(Directory.GetCurrentDirectory(), target);
            console.MarkupLine($"  or: [bold]cd {Markup.Escape(folder)} && dotnet run film.cs[/] ({SdkPackage.Id} {Markup.Escape(SdkPackage.Request)} from {Markup.Escape(feed.Directory)}, named in nuget.config)");
            if (!feed.HasCarriedSdk)
            {
                errors.WriteLine($"cineforge: warning: {feed.Directory} holds {SdkPackage.Id} {string.Join(", ", feed.SdkVersions)}, not {SdkPackage.Version}, the version this command carries: run the launcher ./cineforge again to repack it, or IDEs may show other diagnostics than `cineforge check`.");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>"morning-serum" becomes "Morning Serum".</summary>
    public static string TitleOf(string name)
    {
        var words = name.Split(new[] { '-', '_', ' ', '.' }, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? name : string.Join(" ", words.Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w.Substring(1)));
    }

    // Template files are stored without their leading dot ("dot.gitignore"), so they do not act on this repository.
    private static string TargetPath(string resource) => string.Join("/", resource.Replace('\\', '/').Split('/').Select(p => p.StartsWith("dot.", StringComparison.Ordinal) ? string.Concat(".", p.AsSpan(4)) : p));

    private static string Fill(string template, string title) => template
        .Replace("{{TITLE}}", title.Replace("\\", "\\\\").Replace("\"", "\\\""), StringComparison.Ordinal)
        .Replace("{{SDK_VERSION}}", SdkPackage.Request, StringComparison.Ordinal);

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
