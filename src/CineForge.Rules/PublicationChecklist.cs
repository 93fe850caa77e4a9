using System.Collections.Generic;

namespace CineForge.Rules;

/// <summary>The method's publication checklist. Each item names the rules and QA checks that decide it.</summary>
public static class PublicationChecklist
{
    /// <summary>One line of the checklist.</summary>
    public sealed class Item
    {
        internal Item(string key, string text, params string[] decidedBy)
        {
            Key = key;
            Text = text;
            DecidedBy = decidedBy;
        }

        /// <summary>Stable key for JSON and reports.</summary>
        public string Key { get; }

        /// <summary>The method's wording.</summary>
        public string Text { get; }

        /// <summary>Rule and QA ids whose result decides the item.</summary>
        public IReadOnlyList<string> DecidedBy { get; }
    }

    /// <summary>The items, in the method's order. QA10 and QA12 decide an item only for a film that has what they measure (<c>ChecklistStatus.Checks</c>).</summary>
    public static readonly IReadOnlyList<Item> Items = new[]
    {
        new Item("min-shots", Recommended.MinShots + " minimum consistent shots", RuleIds.CF0503, RuleIds.CF0303, RuleIds.QA03, RuleIds.QA10, RuleIds.QA12),
        new Item("no-artifact", "no major visible artifact", RuleIds.QA01, RuleIds.QA02),
        new Item("natural-skin", "natural skin texture", RuleIds.CF0603, RuleIds.QA04),
        new Item("stable-light", "stable motivated light", RuleIds.CF0304, RuleIds.QA09),
        new Item("sound", "contextualized sound", RuleIds.CF0703, RuleIds.QA05),
        new Item("cta", "clear narrative CTA if ad format", RuleIds.CF0506, RuleIds.QA07),
        new Item("mobile", "validated mobile version", RuleIds.CF0801, RuleIds.QA08, RuleIds.QA11),
        new Item("archive", "archived source file", RuleIds.CF0802),
    };
}
