using CineForge.Analyzers.Keyframe;
using CineForge.Analyzers.Tests.Verifiers;
using CineForge.CodeFixes.Keyframe;
using Fix = CineForge.Analyzers.Tests.Verifiers.CodeFixVerifier<CineForge.Analyzers.Keyframe.KeyframeAnalyzer, CineForge.CodeFixes.Keyframe.AddSeedCodeFix>;

namespace CineForge.Analyzers.Tests.CodeFixes;

[Trait("Rule", "CF0101")]
public sealed class AddSeedCodeFixTests
{
    private static readonly int Waits = StableSeed.From("waits");
    private static readonly int Opens = StableSeed.From("opens");

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ShotsWithoutSeed_GetSeedsFromTheirNames(SourceKind kind) => Fix.VerifyAsync(
        """
        return Film.Titled("Seeds")
            .Shot({|CF0101:Shot.TightPortrait("a nurse").Named("waits")|})
            .Shot({|CF0101:Shot.MediumAction("a nurse").Named("opens")|});
        """,
        $$"""
        return Film.Titled("Seeds")
            .Shot(Shot.TightPortrait("a nurse").Named("waits").Seed({{Waits}}))
            .Shot(Shot.MediumAction("a nurse").Named("opens").Seed({{Opens}}));
        """,
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task RandomSeed_BecomesTheStableSeed(SourceKind kind) => Fix.VerifyAsync(
        """
        return Shot.TightPortrait("a nurse").Named("waits").{|CF0101:Seed(new Random().Next())|};
        """,
        $$"""
        return Shot.TightPortrait("a nurse").Named("waits").Seed({{Waits}});
        """,
        kind);

    [Fact]
    public void StableSeed_DependsOnlyOnTheName()
    {
        Assert.Equal(StableSeed.From("waits"), StableSeed.From("waits"));
        Assert.NotEqual(StableSeed.From("waits"), StableSeed.From("opens"));
        Assert.InRange(StableSeed.From("waits"), 1, StableSeed.Modulus - 1);
    }
}
