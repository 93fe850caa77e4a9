using CineForge.Hosting;
using CineForge.Rules;

namespace CineForge.Cli.Output;

/// <summary>
/// Prints diagnostics the way the C# compiler does, so editors' problem matchers read them:
/// <c>path(line,col): warning CF0201: message</c>. Host errors have no id: <c>path(line,col): error: message</c>.
/// Paths are relative to the working directory when the file lies under it.
/// </summary>
public static class DiagnosticFormatter
{
    /// <summary>"error", "warning" or "info".</summary>
    public static string SeverityText(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The compiler-style line of <paramref name="diagnostic"/>.</summary>
    public static string Format(ScriptDiagnostic diagnostic)
    {
        var where = diagnostic.Location is { } at ? $"{DisplayPath(at.Path)}({at.Line},{at.Column}): " : "cineforge: ";
        var what = diagnostic.Id is null ? SeverityText(diagnostic.Severity) : SeverityText(diagnostic.Severity) + " " + diagnostic.Id;
        return where + what + ": " + diagnostic.Message;
    }

    /// <summary><paramref name="path"/> relative to the working directory when under it, else as is.</summary>
    public static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>"2 errors, 1 warning, 0 infos" style counts.</summary>
    public static string Counts(IReadOnlyCollection<ScriptDiagnostic> diagnostics)
    {
        static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
        return string.Join(", ",
            Plural(diagnostics.Count(d => d.Severity == RuleSeverity.Error), "error"),
            Plural(diagnostics.Count(d => d.Severity == RuleSeverity.Warning), "warning"),
            Plural(diagnostics.Count(d => d.Severity == RuleSeverity.Info), "info"));
    }
}
