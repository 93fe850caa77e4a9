using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers;

/// <summary>The diagnostic descriptors, built from the rule catalog: ids, titles, messages, severities and help links are never written here.</summary>
public static class Descriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = RuleCatalog.All.ToDictionary(r => r.Id, Create);

    /// <summary>Every rule's descriptor, ordered by id.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = RuleCatalog.All.Select(r => ById[r.Id]).ToImmutableArray();

    /// <summary>The descriptor of <paramref name="id"/> (a <see cref="RuleIds"/> constant).</summary>
    public static DiagnosticDescriptor Get(string id) => ById[id];

    /// <summary>The descriptors of one family.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Of(RuleFamily family) => RuleCatalog.InFamily(family).Select(r => ById[r.Id]).ToImmutableArray();

    /// <summary>Maps the catalog's severity onto Roslyn's.</summary>
    public static DiagnosticSeverity SeverityOf(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    // The id comes from the catalog, not a literal: the release files are checked against it by a test.
#pragma warning disable RS1017, RS2008
    private static DiagnosticDescriptor Create(Rule rule) => new(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        rule.Category,
        SeverityOf(rule.Severity),
        isEnabledByDefault: true,
        description: rule.Why + " " + rule.Fix,
        helpLinkUri: rule.HelpLink);
#pragma warning restore RS1017, RS2008
}
