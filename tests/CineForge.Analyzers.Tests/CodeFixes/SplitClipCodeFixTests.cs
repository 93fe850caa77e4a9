using CineForge.Analyzers.Tests.Verifiers;
using Fix = CineForge.Analyzers.Tests.Verifiers.CodeFixVerifier<CineForge.Analyzers.Motion.MotionAnalyzer, CineForge.CodeFixes.Motion.SplitClipCodeFix>;

namespace CineForge.Analyzers.Tests.CodeFixes;

[Trait("Rule", "CF0201")]
public sealed class SplitClipCodeFixTests
{
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ClipOf8s_BecomesTwoShotsOf4s(SourceKind kind) => Fix.VerifyAsync(
        """
        return Film.Titled("Split")
            .Shot(Shot.MediumAction("a runner").Seed(2).{|CF0201:Duration(8)|});
        """,
        """
        return Film.Titled("Split")
            .Shot(Shot.MediumAction("a runner").Seed(2).Duration(4)).Shot(Shot.MediumAction("a runner").Seed(2).Duration(4).Named("a-runner-2"));
        """,
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ClipOf12s_BecomesThreeShotsInTheFilm(SourceKind kind) => Fix.VerifyAsync(
        """
        return Film.Titled("Split")
            .Shot(Shot.WideAmbience("a street").Seed(1).{|CF0201:Duration(12)|})
            .Shot(Shot.TightPortrait("a nurse").Seed(2));
        """,
        """
        return Film.Titled("Split")
            .Shot(Shot.WideAmbience("a street").Seed(1).Duration(4)).Shot(Shot.WideAmbience("a street").Seed(1).Duration(4).Named("a-street-2")).Shot(Shot.WideAmbience("a street").Seed(1).Duration(4).Named("a-street-3"))
            .Shot(Shot.TightPortrait("a nurse").Seed(2));
        """,
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task DesignCardChain_WithoutArgument_IsSplitToo(SourceKind kind) => Fix.VerifyAsync(
        """
        return Film.Titled("Card")
            .Shot(Shot.TightPortrait().{|CF0201:Duration(7)|}.Motion(0.35).Seed(42));
        """,
        """
        return Film.Titled("Card")
            .Shot(Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42)).Shot(Shot.TightPortrait().Duration(3.5).Motion(0.35).Seed(42).Named("tight-portrait-2"));
        """,
        kind);
}
