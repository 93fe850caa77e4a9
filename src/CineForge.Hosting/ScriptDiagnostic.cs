using CineForge.Rules;

namespace CineForge.Hosting;

/// <summary>Where a diagnostic comes from.</summary>
public enum DiagnosticOrigin
{
    /// <summary>The host: a missing file, a <c>#load</c> cycle, an unknown package, a script that throws.</summary>
    Host,

    /// <summary>The C# compiler.</summary>
    Compiler,

    /// <summary>A CineForge analyzer on the script's compilation.</summary>
    Analyzer,

    /// <summary><c>film.Validate()</c> on the evaluated plan.</summary>
    Validation,
}

/// <summary>A 1-based position in a source file.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceSpot(string Path, int Line, int Column)
{
    /// <summary>The first character of <paramref name="path"/>.</summary>
    public static SourceSpot StartOf(string path) => new(path, 1, 1);
}

/// <summary>
/// One diagnostic of a film script, whatever found it: the host, the compiler, an analyzer or
/// validation. <see cref="Id"/> is null for host errors, which have no catalog entry.
/// </summary>
/// <param name="Id">"CF0201", "CS1002", or null.</param>
/// <param name="Severity">Severity after .editorconfig and --warnaserror.</param>
/// <param name="Message">The message, one line.</param>
/// <param name="Location">Where it points; null only when no file is known.</param>
/// <param name="Origin">What found it.</param>
/// <param name="HelpLink">The rule's page, when there is one.</param>
public sealed record ScriptDiagnostic(string? Id, RuleSeverity Severity, string Message, SourceSpot? Location, DiagnosticOrigin Origin, string? HelpLink = null)
{
    /// <summary>The exception behind a host error (a script that threw), for <c>--verbose</c> output.</summary>
    public Exception? Exception { get; init; }

    /// <summary>True for error severity.</summary>
    public bool IsError => Severity == RuleSeverity.Error;

    /// <summary>A host error at <paramref name="location"/>.</summary>
    public static ScriptDiagnostic HostError(string message, SourceSpot? location) => new(null, RuleSeverity.Error, message, location, DiagnosticOrigin.Host);
}
