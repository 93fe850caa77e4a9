using System.Text.RegularExpressions;
using CineForge.Rules;

namespace CineForge.Tests.Catalog;

public sealed class RuleCatalogTests
{
    /// <summary>The ids of RULES.md, the contract, and CF0107 (a preset called without a subject, in a film with none to give).</summary>
    private static readonly string[] ContractIds =
    {
        "CF0101", "CF0102", "CF0103", "CF0104", "CF0105", "CF0106", "CF0107",
        "CF0201", "CF0202", "CF0203", "CF0204", "CF0205", "CF0206",
        "CF0301", "CF0302", "CF0303", "CF0304", "CF0305", "CF0306",
        "CF0401", "CF0402", "CF0403",
        "CF0501", "CF0502", "CF0503", "CF0504", "CF0505", "CF0506", "CF0507",
        "CF0601", "CF0602", "CF0603", "CF0604", "CF0605", "CF0606", "CF0607",
        "CF0701", "CF0702", "CF0703", "CF0704", "CF0705",
        "CF0801", "CF0802",
    };

    [Fact]
    public void Catalog_HoldsEveryContractRule_InIdOrder()
    {
        Assert.Equal(ContractIds, RuleCatalog.All.Select(r => r.Id));
    }

    [Fact]
    public void RuleIdConstants_MatchTheCatalog()
    {
        var constants = typeof(RuleIds).GetFields().Where(f => f.Name.StartsWith("CF", StringComparison.Ordinal)).Select(f => (string)f.GetValue(null)!);

        Assert.Equal(ContractIds, constants);
    }

    [Theory]
    [InlineData("CF0101", RuleSeverity.Error)]
    [InlineData("CF0201", RuleSeverity.Error)]
    [InlineData("CF0601", RuleSeverity.Error)]
    [InlineData("CF0105", RuleSeverity.Info)]
    [InlineData("CF0403", RuleSeverity.Info)]
    [InlineData("CF0505", RuleSeverity.Info)]
    [InlineData("CF0507", RuleSeverity.Info)]
    [InlineData("CF0605", RuleSeverity.Info)]
    [InlineData("CF0202", RuleSeverity.Warning)]
    [InlineData("CF0305", RuleSeverity.Warning)]
    [InlineData("CF0306", RuleSeverity.Warning)]
    public void Severity_FollowsTheContract(string id, RuleSeverity severity)
    {
        Assert.Equal(severity, RuleCatalog.Get(id).Severity);
    }

    [Fact]
    public void EveryRule_HasTitleMessageReasonFixAndHelpLink()
    {
        Assert.All(RuleCatalog.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.StartsWith("{0}", Regex.Replace(rule.MessageFormat, "^[^{]*", string.Empty), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(rule.Why));
            Assert.False(string.IsNullOrWhiteSpace(rule.Fix));
            Assert.Equal($"https://github.com/cineforge/cineforge/blob/main/docs/rules/{rule.Id}.md", rule.HelpLink);
            Assert.Equal($"CineForge.{rule.Family}", rule.Category);
        });
    }

    [Fact]
    public void Family_ComesFromTheIdHundreds()
    {
        Assert.Equal(RuleFamily.Motion, RuleCatalog.Get(RuleIds.CF0201).Family);
        Assert.Equal(RuleFamily.Export, RuleCatalog.Get(RuleIds.CF0802).Family);
        Assert.All(Enum.GetValues<RuleFamily>(), family => Assert.NotEmpty(RuleCatalog.InFamily(family)));
    }

    [Fact]
    public void Messages_ReadTheRangesFromTheCatalog()
    {
        Assert.Contains("1536x864 or 1920x1080", RuleCatalog.Get(RuleIds.CF0102).MessageFormat, StringComparison.Ordinal);
        Assert.Contains("30–45", RuleCatalog.Get(RuleIds.CF0103).MessageFormat, StringComparison.Ordinal);
        Assert.Contains("4.5–6.5", RuleCatalog.Get(RuleIds.CF0104).MessageFormat, StringComparison.Ordinal);
        Assert.Contains("0.25–0.4", RuleCatalog.Get(RuleIds.CF0106).MessageFormat, StringComparison.Ordinal);
        Assert.Contains("exposure → soft contrast → secondary skin → harmonization → fine grain", RuleCatalog.Get(RuleIds.CF0602).MessageFormat, StringComparison.Ordinal);
        Assert.Contains("-18 to -14 LUFS", RuleCatalog.Get(RuleIds.CF0702).MessageFormat, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => RuleCatalog.Get("CF9999"));
    }

    [Fact]
    public void QaChecks_CoverQa01ToQa12_WithThresholds()
    {
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"QA{i:00}"), QaMetrics.All.Select(m => m.Id));
        Assert.True(QaMetrics.ProductAppearance.Passes(QaMetrics.ProductAppearanceTolerance));
        Assert.False(QaMetrics.ProductAppearance.Passes(QaMetrics.ProductAppearanceTolerance + 0.1));
        Assert.Equal(RuleIds.CF0305, QaMetrics.ProductAppearance.RuleId);
        Assert.True(QaMetrics.StemLoudness.Passes(Loudness.Tolerance));
        Assert.False(QaMetrics.StemLoudness.Passes(Loudness.Tolerance + 0.1));
        Assert.True(QaMetrics.MobileContrast.Passes(QaMetrics.MobileContrast.Limit + 0.01));
        Assert.False(QaMetrics.MobileContrast.Passes(QaMetrics.MobileContrast.Limit - 0.01));
    }

    [Fact]
    public void Ranges_AreTheMethodsStartingSettings()
    {
        Assert.Equal(new NumericRange(3, 5), Recommended.ClipDuration);
        Assert.Equal(24, Recommended.Fps);
        Assert.Equal(new NumericRange(0.35, 0.55), Recommended.MotionStrength);
        Assert.Equal(new NumericRange(0.25, 0.40), Recommended.Denoise);
        Assert.Equal(-24, Loudness.Ambience);
        Assert.Equal(new NumericRange(-18, -14), Loudness.Effects);
        Assert.Equal(225, Recommended.PitchMaxWords);
    }

    [Fact]
    public void GradeOrder_IsTheMethodsOrder()
    {
        Assert.Equal(new[] { GradeStepKind.Exposure, GradeStepKind.SoftContrast, GradeStepKind.SecondarySkin, GradeStepKind.Harmonize, GradeStepKind.Grain }, GradeOrder.Primary);
        Assert.Equal(-1, GradeOrder.RankOf(GradeStepKind.Lut));
    }
}
