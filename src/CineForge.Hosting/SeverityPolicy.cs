using System.Collections.Immutable;
using CineForge.Rules;
using Microsoft.CodeAnalysis;

namespace CineForge.Hosting;

/// <summary>
/// Re-grades diagnostics the way the compiler does: <c>dotnet_diagnostic.ID.severity</c> in the
/// .editorconfig files above the film, then <c>--warnaserror</c>. Applies to compiler, analyzer and
/// validation diagnostics alike, so a rule reads the same in the IDE, in <c>check</c> and in <c>render</c>.
/// </summary>
public sealed class SeverityPolicy
{
    private readonly ImmutableDictionary<string, ReportDiagnostic> overrides;
    private readonly bool warningsAsErrors;

    private SeverityPolicy(ImmutableDictionary<string, ReportDiagnostic> overrides, bool warningsAsErrors)
    {
        this.overrides = overrides;
        this.warningsAsErrors = warningsAsErrors;
    }

    /// <summary>No re-grading.</summary>
    public static SeverityPolicy Default { get; } = new(ImmutableDictionary<string, ReportDiagnostic>.Empty, false);

    /// <summary>The .editorconfig files that apply to <paramref name="scriptPath"/> (nearest last), up to the first <c>root = true</c>.</summary>
    public static IReadOnlyList<string> EditorConfigFiles(string scriptPath)
    {
        var found = new List<string>();
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(scriptPath))!); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".editorconfig");
            if (!File.Exists(candidate))
            {
                continue;
            }

            found.Insert(0, candidate);
            if (IsRoot(File.ReadAllLines(candidate)))
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The policy for <paramref name="scriptPath"/>.</summary>
    public static SeverityPolicy For(string scriptPath, bool warningsAsErrors)
    {
        var configs = EditorConfigFiles(scriptPath).Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p)).ToList();
        var options = AnalyzerConfigSet.Create(configs).GetOptionsForSourcePath(Path.GetFullPath(scriptPath));
        return new SeverityPolicy(options.TreeOptions, warningsAsErrors);
    }

    /// <summary>The diagnostics re-graded; those set to none or silent are dropped.</summary>
    public IReadOnlyList<ScriptDiagnostic> Apply(IEnumerable<ScriptDiagnostic> diagnostics)
    {
        var result = new List<ScriptDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var severity = diagnostic.Severity;
            if (diagnostic.Id is not null && !IsCompilerError(diagnostic) && overrides.TryGetValue(diagnostic.Id, out var report))
            {
                RuleSeverity? regraded = report switch
                {
                    ReportDiagnostic.Error => RuleSeverity.Error,
                    ReportDiagnostic.Warn => RuleSeverity.Warning,
                    ReportDiagnostic.Info => RuleSeverity.Info,
                    ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => null,
                    _ => severity,
                };
                if (regraded is null)
                {
                    continue;
                }

                severity = regraded.Value;
            }

            if (warningsAsErrors && severity == RuleSeverity.Warning)
            {
                severity = RuleSeverity.Error;
            }

            result.Add(severity == diagnostic.Severity ? diagnostic : diagnostic with { Severity = severity });
        }

        return result;
    }

    // "root = true" in the preamble, before the first [section], stops the search upward.
    private static bool IsRoot(IEnumerable<string> lines) => lines
        .Select(l => l.Trim())
        .TakeWhile(l => !l.StartsWith('['))
        .Any(l => l.Replace(" ", string.Empty).Equals("root=true", StringComparison.OrdinalIgnoreCase));

    // Compiler errors stay errors: nothing was emitted, so there is nothing to run.
    private static bool IsCompilerError(ScriptDiagnostic diagnostic) => diagnostic.Origin == DiagnosticOrigin.Compiler && diagnostic.IsError;
}
