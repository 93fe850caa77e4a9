namespace CineForge.Hosting.Tests;

/// <summary>A scratch folder for film files, deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "cineforge-tests", Guid.NewGuid().ToString("N"));

    public ScriptCache Cache => new(Path.Combine(Directory, ".cache"));

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Film texts for host tests.</summary>
internal static class Scripts
{
    public const string Sdk = "#r \"nuget: CineForge.Sdk, 0.1.0\"\n";

    public const string Using = "using CineForge;\n";

    public const string Header = Sdk + Using;

    /// <summary>A film expression; <paramref name="title"/> names it, <paramref name="duration"/> sets the first shot.</summary>
    public static string Film(string title = "Tiny", double duration = 4) =>
        $"Film.Titled(\"{title}\")\n" +
        $"    .Shot(Shot.ObjectDetail(\"amber glass bottle\").Mission(Beat.Setup).Duration({duration.ToString(System.Globalization.CultureInfo.InvariantCulture)}).Seed(1))\n" +
        "    .Shot(Shot.ObjectDetail(\"frosted glass\").Mission(Beat.Tension).Duration(3).Seed(2))";

    public static string ExamplePath(string name) => Path.Combine(RepoRoot(), "examples", name, "film.csx");

    // Walks up from the test binaries: CI builds map source paths, so caller paths are no help.
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CineForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
