using System.Globalization;

namespace CineForge.Rules;

/// <summary>One rule of the catalog: the single description that analyzers, validation, QA and docs share.</summary>
public sealed class Rule
{
    /// <summary>Where each rule's page lives; diagnostics link to it.</summary>
    public const string HelpLinkBase = "https://github.com/cineforge/cineforge/blob/main/docs/rules/";

    internal Rule(string id, RuleSeverity severity, string title, string messageFormat, string why, string fix, RuleScope scope = RuleScope.Compile | RuleScope.Run)
    {
        Id = id;
        Severity = severity;
        Title = title;
        MessageFormat = messageFormat;
        Why = why;
        Fix = fix;
        Scope = scope;
    }

    /// <summary>"CF0201".</summary>
    public string Id { get; }

    /// <summary>The family, from the id's hundreds.</summary>
    public RuleFamily Family => (RuleFamily)int.Parse(Id.Substring(2, 2), CultureInfo.InvariantCulture);

    /// <summary>Diagnostic category: the family name.</summary>
    public string Category => "CineForge." + Family;

    /// <summary>Default severity; re-grade it with <c>dotnet_diagnostic.CFxxxx.severity</c> in .editorconfig.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>Short title.</summary>
    public string Title { get; }

    /// <summary>Composite format of the message ({0} is always the subject: a shot, a film, a character).</summary>
    public string MessageFormat { get; }

    /// <summary>The method's reason, for docs and long descriptions.</summary>
    public string Why { get; }

    /// <summary>How to fix it, in one sentence.</summary>
    public string Fix { get; }

    /// <summary>Where the rule is checked.</summary>
    public RuleScope Scope { get; }

    /// <summary>The rule's docs page, relative to the repository root.</summary>
    public string DocPath => "docs/rules/" + Id + ".md";

    /// <summary>Absolute help link for diagnostics.</summary>
    public string HelpLink => HelpLinkBase + Id + ".md";

    /// <summary>The message with its arguments filled in, formatted invariantly.</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Title;
}
