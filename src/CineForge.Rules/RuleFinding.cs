using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>
/// One rule broken, as a rule's single check finds it: the rule, which item of the checked list is to
/// blame, and the message arguments after the subject. Run-time validation maps it to a shot number,
/// the analyzers to a source location; both prepend the subject ("Shot #2 'waits'", "Film 'x'").
/// </summary>
public sealed class RuleFinding
{
    /// <summary>Creates a finding of <paramref name="ruleId"/> on item <paramref name="at"/>.</summary>
    public RuleFinding(string ruleId, int at, params object?[] args)
    {
        RuleId = ruleId;
        At = at;
        Args = args;
    }

    /// <summary>"CF0201".</summary>
    public string RuleId { get; }

    /// <summary>Which item of the checked list is to blame (a grade step, an export target, a setting); 0 for a single value.</summary>
    public int At { get; }

    /// <summary>The message arguments after the subject ({1}, {2}, ...).</summary>
    public IReadOnlyList<object?> Args { get; }

    /// <summary>The message arguments with the subject first, as <see cref="Rule.Format"/> takes them.</summary>
    public object?[] WithSubject(string subject)
    {
        var all = new object?[Args.Count + 1];
        all[0] = subject;
        for (var i = 0; i < Args.Count; i++)
        {
            all[i + 1] = Args[i];
        }

        return all;
    }

    /// <summary>The message as the catalog formats it for <paramref name="subject"/>.</summary>
    public string Message(string subject) => RuleCatalog.Get(RuleId).Format(WithSubject(subject));

    /// <inheritdoc />
    public override string ToString() => RuleId + "@" + At + "(" + string.Join(", ", Args) + ")";
}
