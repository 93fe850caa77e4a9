namespace CineForge.Hosting;

/// <summary>The two shapes a film file takes.</summary>
public enum FilmScriptKind
{
    /// <summary><c>film.csx</c>: a C# script (dotnet-script dialect: <c>#r "nuget: ..."</c>, <c>#load</c>) that returns its film.</summary>
    Script,

    /// <summary><c>film.cs</c>: a .NET 10 file-based app (<c>#:package CineForge.Sdk@x</c>) that ends with <c>return Films.Run(film);</c>.</summary>
    FileBasedApp,
}

/// <summary>Maps a file name onto its <see cref="FilmScriptKind"/>.</summary>
public static class FilmScriptKinds
{
    /// <summary>The kind of <paramref name="path"/>, or null when it is neither .csx nor .cs.</summary>
    public static FilmScriptKind? Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csx" => FilmScriptKind.Script,
        ".cs" => FilmScriptKind.FileBasedApp,
        _ => null,
    };
}
