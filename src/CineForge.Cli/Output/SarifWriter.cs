using System.Text.Json;
using System.Text.Json.Nodes;
using CineForge.Hosting;
using CineForge.Rules;

namespace CineForge.Cli.Output;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log for code-scanning tools: one run of the cineforge
/// driver, its CF rules described from the catalog, one result per diagnostic with its region.
/// </summary>
public static class SarifWriter
{
    /// <summary>The SARIF 2.1.0 JSON schema.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The log of <paramref name="diagnostics"/> as indented JSON.</summary>
    public static string Write(IReadOnlyList<ScriptDiagnostic> diagnostics)
    {
        var ruleIds = diagnostics.Select(d => d.Id).OfType<string>().Where(RuleCatalog.Contains).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        var rules = new JsonArray(ruleIds.Select(id => (JsonNode)Describe(RuleCatalog.Get(id))).ToArray());
        var results = new JsonArray(diagnostics.Select(d => (JsonNode)Result(d, ruleIds)).ToArray());
        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "cineforge",
                        ["version"] = typeof(SarifWriter).Assembly.GetName().Version!.ToString(3),
                        ["informationUri"] = "https://github.com/cineforge/cineforge",
                        ["rules"] = rules,
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Describe(Rule rule) => new()
    {
        ["id"] = rule.Id,
        ["name"] = rule.Category.Replace("CineForge.", string.Empty, StringComparison.Ordinal),
        ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Why },
        ["help"] = new JsonObject { ["text"] = rule.Fix },
        ["helpUri"] = rule.HelpLink,
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
    };

    private static JsonObject Result(ScriptDiagnostic diagnostic, List<string> ruleIds)
    {
        var result = new JsonObject();
        if (diagnostic.Id is not null)
        {
            result["ruleId"] = diagnostic.Id;
            var index = ruleIds.IndexOf(diagnostic.Id);
            if (index >= 0)
            {
                result["ruleIndex"] = index;
            }
        }

        result["level"] = Level(diagnostic.Severity);
        result["message"] = new JsonObject { ["text"] = diagnostic.Message };
        if (diagnostic.Location is { } at)
        {
            result["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri(at.Path) },
                    ["region"] = new JsonObject { ["startLine"] = at.Line, ["startColumn"] = at.Column },
                },
            });
        }

        return result;
    }

    // Relative paths stay relative (code scanning resolves them against the checkout); others become file URIs.
    private static string Uri(string path)
    {
        var display = DiagnosticFormatter.DisplayPath(path);
        return Path.IsPathRooted(display) ? new Uri(display).AbsoluteUri : display.Replace('\\', '/');
    }

    private static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };
}
