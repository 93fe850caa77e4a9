using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CineForge.Rules;

namespace CineForge.Analyzers.Tests.Catalog;

/// <summary>
/// Writes docs/rules/CFxxxx.md from the catalog (title, severity, message, why, fix) and from the
/// rule's test class (the flagged film), so the pages never drift from either.
/// </summary>
public static partial class RulePage
{
    public static string Render(Rule rule, string bad)
    {
        var text = Head(rule, Scope(rule.Scope));
        text.Append("The analyzer reports it where the fluent chain sets the value as a compile-time constant (literals and folded constants: `Duration(2 + 4)` is 6 s), ")
            .Append("following variables that hold a shot, a character or a film. Where a value is not a constant it stays silent; `film.Validate()` checks it at run time.\n\n");
        text.Append("## Why\n\n").Append(rule.Why).Append("\n\n");
        var (flagged, fixedLines) = Excerpt(bad, CleanFilm.Body);
        text.Append("## Bad\n\n```csharp\n").Append(flagged).Append("\n```\n\n");
        text.Append("## Good\n\n```csharp\n").Append(fixedLines).Append("\n```\n\n");
        text.Append("## How to fix\n\n").Append(rule.Fix).Append("\n\n");
        var fixes = CodeFixesFor(rule.Id);
        if (fixes.Count > 0)
        {
            text.Append("Code fix (the editor's light bulb, with fix all in document, project or solution): ").Append(string.Join("; ", fixes)).Append(".\n\n");
        }

        text.Append("## How to suppress\n\n");
        text.Append("Re-grade or silence the rule in `.editorconfig`:\n\n```ini\n[*.{cs,csx}]\ndotnet_diagnostic.").Append(rule.Id).Append(".severity = none\n```\n\n");
        text.Append("or around one statement:\n\n```csharp\n#pragma warning disable ").Append(rule.Id).Append("\n// ...\n#pragma warning restore ").Append(rule.Id).Append("\n```\n");
        return text.ToString();
    }

    /// <summary>
    /// The page of an asset rule (<see cref="RuleScope.Assets"/>): no analyzer sees a file's contents, so
    /// the page shows the line that names the file and what check prints for it.
    /// </summary>
    public static string RenderAsset(Rule rule, string line, string printed, string good)
    {
        var text = Head(rule, "the asset files, by `cineforge check` (not with `--static`) and by `cineforge render` before any work");
        text.Append("The plan only names the file; `check` and the render open it, read it the way the render will, and report each problem at the string that names the file. ")
            .Append("The render refuses to start while one is reported, so a broken file never costs the shots' render time.\n\n");
        text.Append("## Why\n\n").Append(rule.Why).Append("\n\n");
        text.Append("## Bad\n\n```csharp\n").Append(line).Append("\n```\n\n```text\n").Append(printed).Append("\n```\n\n");
        text.Append("## Good\n\n```csharp\n").Append(good).Append("\n```\n\n");
        text.Append("## How to fix\n\n").Append(rule.Fix).Append("\n");
        return text.ToString();
    }

    // The title, the properties table and the message: the same on every page.
    private static StringBuilder Head(Rule rule, string checkedWhere)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
        text.Append("<!-- Generated from the rule catalog (src/CineForge.Rules) and the rule's tests; regenerate with CINEFORGE_WRITE_DOCS=1 dotnet test tests/CineForge.Analyzers.Tests. -->\n\n");
        text.Append("| Property | Value |\n|---|---|\n");
        text.Append("| Id | ").Append(rule.Id).Append(" |\n");
        text.Append("| Category | ").Append(rule.Category).Append(" |\n");
        text.Append("| Severity | ").Append(rule.Severity).Append(" |\n");
        text.Append("| Checked | ").Append(checkedWhere).Append(" |\n\n");
        text.Append("## What\n\n").Append(rule.Title).Append(". The diagnostic reads:\n\n> ").Append(Placeholders(rule.MessageFormat)).Append("\n\n");
        return text;
    }

    /// <summary>The code fixes of the CineForge.CodeFixes assembly that fix <paramref name="id"/>, named after their class ("split clip").</summary>
    public static IReadOnlyList<string> CodeFixesFor(string id) => typeof(CineForge.CodeFixes.Keyframe.StableSeed).Assembly.GetTypes()
        .Where(t => typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
        .Where(f => f.FixableDiagnosticIds.Contains(id))
        .Select(f => Words().Replace(f.GetType().Name[..^"CodeFix".Length], " $1").Trim().ToLowerInvariant())
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The lines that matter: where the flagged film of the rule's tests differs from the clean film
    /// (each flagged line annotated with its rule), and the clean film's lines in their place. Runs
    /// of changed lines are separated by "// ...", and a run that only adds or removes lines keeps
    /// the line before it, so both sides show where it stands.
    /// </summary>
    public static (string Bad, string Good) Excerpt(string bad, string clean)
    {
        var before = clean.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        var after = Annotate(bad.ReplaceLineEndings("\n")).TrimEnd().Split('\n');
        var plain = after; // A flagged line carries its rule's comment: it always counts as changed.

        // Longest common subsequence of lines (a film is some twenty lines).
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == plain[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var good = new List<string>();
        var flagged = new List<string>();
        var (b, a) = (0, 0);
        string? context = null;
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == plain[a])
            {
                context = before[b];
                b++;
                a++;
                continue;
            }

            var (goodRun, badRun) = (new List<string>(), new List<string>());
            while (b < before.Length || a < after.Length)
            {
                if (b < before.Length && a < after.Length && before[b] == plain[a])
                {
                    break;
                }

                if (a < after.Length && (b == before.Length || common[b, a + 1] >= common[b + 1, a]))
                {
                    badRun.Add(after[a++]);
                }
                else
                {
                    goodRun.Add(before[b++]);
                }
            }

            if ((goodRun.Count == 0 || badRun.Count == 0) && context is not null)
            {
                goodRun.Insert(0, context);
                badRun.Insert(0, context);
            }

            if (good.Count > 0 || flagged.Count > 0)
            {
                good.Add("// ...");
                flagged.Add("// ...");
            }

            good.AddRange(goodRun);
            flagged.AddRange(badRun);
        }

        return (Dedent(flagged), Dedent(good));
    }

    private static string Dedent(List<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0 && l != "// ...").Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l == "// ..." ? l : l.Length >= indent ? l[indent..] : l.TrimStart())).TrimEnd();
    }

    /// <summary>The flagged film without test markup, each flagged line ending in a comment that names the rule.</summary>
    public static string Annotate(string source) => string.Join("\n", source.Split('\n').Select(line =>
        Markup().Matches(line) is { Count: > 0 } found ? StripMarkup(line) + "  // " + string.Join(", ", found.Select(m => m.Value[2..^1]).Distinct()) : line));

    public static string StripMarkup(string source) => Markup().Replace(source.Replace("|}", string.Empty, StringComparison.Ordinal), string.Empty);

    private static string Scope(RuleScope scope) => string.Join(", ", new[] { (RuleScope.Compile, "compile time (analyzers)"), (RuleScope.Run, "run time (`film.Validate()`)"), (RuleScope.Measured, "measured on the render (QA)") }
        .Where(s => scope.HasFlag(s.Item1)).Select(s => s.Item2));

    private static string Placeholders(string format) => Regex.Replace(format, @"\{(\d)\}", m => "*{" + m.Groups[1].Value + "}*", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"\{\|CF\d{4}:")]
    private static partial Regex Markup();
}
