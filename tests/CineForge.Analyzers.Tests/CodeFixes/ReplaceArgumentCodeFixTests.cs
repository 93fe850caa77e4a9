using CineForge.Analyzers.Tests.Verifiers;
using Fix = CineForge.Analyzers.Tests.Verifiers.CodeFixVerifier<CineForge.Analyzers.Motion.MotionAnalyzer, CineForge.CodeFixes.Motion.ReplaceArgumentCodeFix>;

namespace CineForge.Analyzers.Tests.CodeFixes;

public sealed class ReplaceArgumentCodeFixTests
{
    [Theory, Trait("Rule", "CF0201"), InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ClipsOver5s_AreClampedTo5s(SourceKind kind) => Fix.VerifyAsync(
        """
        var a = Shot.WideAmbience("a street").Seed(1).{|CF0201:Duration(12)|};
        return Shot.MediumAction("a runner").Seed(2).{|CF0201:Duration(7.5)|};
        """,
        """
        var a = Shot.WideAmbience("a street").Seed(1).Duration(5);
        return Shot.MediumAction("a runner").Seed(2).Duration(5);
        """,
        kind);

    [Theory, Trait("Rule", "CF0201"), InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ClipPlacedInAFilm_IsClampedInPlace(SourceKind kind) => Fix.VerifyAsync(
        """
        return Film.Titled("Clamp").Shot(Shot.MediumAction("a runner").Seed(2).{|CF0201:Duration(9)|});
        """,
        """
        return Film.Titled("Clamp").Shot(Shot.MediumAction("a runner").Seed(2).Duration(5));
        """,
        kind);

    [Theory, Trait("Rule", "CF0203"), InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task Fps30_Becomes24(SourceKind kind) => Fix.VerifyAsync(
        """
        var a = Shot.WideAmbience("a street").Seed(1).{|CF0203:Fps(30)|};
        return Shot.TightPortrait("a nurse").Seed(2).{|CF0203:Fps(60)|};
        """,
        """
        var a = Shot.WideAmbience("a street").Seed(1).Fps(24);
        return Shot.TightPortrait("a nurse").Seed(2).Fps(24);
        """,
        kind);

    [Theory, Trait("Rule", "CF0204"), InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task Motion_IsBroughtIntoTheShotTypesRange(SourceKind kind) => Fix.VerifyAsync(
        """
        var a = Shot.TightPortrait("a nurse").Seed(1).{|CF0204:Motion(0.9)|};
        return Shot.ObjectDetail("glass").Seed(2).{|CF0204:Motion(0.1)|};
        """,
        """
        var a = Shot.TightPortrait("a nurse").Seed(1).Motion(0.4);
        return Shot.ObjectDetail("glass").Seed(2).Motion(0.2);
        """,
        kind);
}
