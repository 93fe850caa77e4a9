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
    public Task PresetWithoutArgument_GetsTheSeedOfItsPresetName(SourceKind kind) => Fix.VerifyAsync(
        """
        var mara = Character.Sheet("Mara").Face("freckles").Wardrobe("ochre shirt").Seed(3);
        return Film.Titled("Card").Cast(mara).Brief(b => b.Subject("amber serum bottle"))
            .Shot(Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42))
            .Shot({|CF0101:Shot.ObjectDetail().Duration(3).Motion(0.3)|});
        """,
        $$"""
        var mara = Character.Sheet("Mara").Face("freckles").Wardrobe("ochre shirt").Seed(3);
        return Film.Titled("Card").Cast(mara).Brief(b => b.Subject("amber serum bottle"))
            .Shot(Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42))
            .Shot(Shot.ObjectDetail().Duration(3).Motion(0.3).Seed({{StableSeed.From("object-detail-shot")}}));
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
