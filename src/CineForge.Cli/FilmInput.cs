using System.CommandLine;
using CineForge.Hosting;

namespace CineForge.Cli;

/// <summary>Turns the film argument into a film file: a .csx or .cs file, or a folder holding film.csx (else film.cs).</summary>
public static class FilmInput
{
    /// <summary>The <c>film</c> argument every film command takes.</summary>
    public static Argument<string> CreateArgument() => new("film") { Description = "The film: a .csx script, a .cs file-based app, or a folder holding film.csx." };

    /// <summary>Resolves <paramref name="argument"/>; on failure writes the usage error to <paramref name="errors"/> and returns null.</summary>
    public static string? ResolveOrReport(string argument, TextWriter errors)
    {
        var (path, error) = Resolve(argument);
        if (path is null)
        {
            errors.WriteLine("cineforge: " + error);
        }

        return path;
    }

    /// <summary>The full path of the film, or the usage error that says why there is none.</summary>
    public static (string? Path, string? Error) Resolve(string argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            return (null, "no film given: pass a film.csx, a film.cs or a folder that holds one");
        }

        var full = Path.GetFullPath(argument);
        if (Directory.Exists(full))
        {
            var film = new[] { "film.csx", "film.cs" }.Select(n => Path.Combine(full, n)).FirstOrDefault(File.Exists);
            return film is null ? (null, $"{argument}: the folder holds no film.csx or film.cs") : (film, null);
        }

        if (!File.Exists(full))
        {
            return (null, $"{argument}: file not found");
        }

        return FilmScriptKinds.Of(full) is null
            ? (null, $"{argument}: not a film: expected a .csx script or a .cs file-based app")
            : (full, null);
    }
}
