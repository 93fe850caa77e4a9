namespace CineForge.Analyzers.Tests.Verifiers;

/// <summary>How a test film is compiled: as a regular C# file, or as a film.csx script.</summary>
public enum SourceKind
{
    Regular,
    Script,
}

/// <summary>Turns a film body (statements ending in a return) into a compilable source of either kind.</summary>
public static class FilmSource
{
    private const string Usings = "using System;\nusing System.Linq;\nusing CineForge;\n";

    public static string Of(string body, SourceKind kind) => kind == SourceKind.Script
        ? Usings + body
        : Usings + "public static class FilmProgram\n{\n    public static object? Run()\n    {\n" + body + "\n    }\n}\n";
}
