using CineForge.Analyzers.Motion;
using CineForge.Analyzers.Tests.Verifiers;
using VerifyCS = CineForge.Analyzers.Tests.Verifiers.AnalyzerVerifier<CineForge.Analyzers.Motion.MotionAnalyzer>;

namespace CineForge.Analyzers.Tests.Motion;

[Trait("Rule", "CF0201")]
public sealed class CF0201ClipTooLongTests
{
    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ConstantDurationAbove5s_ReportsCF0201(SourceKind kind) => VerifyCS.VerifyAsync("""
        var mara = Character.Sheet("Mara").Face("freckles").Wardrobe("ochre shirt").Seed(3);
        return Shot.TightPortrait(mara).{|CF0201:Duration(2 + 4)|}.Seed(7);
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task DurationWithinRange_NoDiagnostic(SourceKind kind) => VerifyCS.VerifyAsync("""
        return Shot.TightPortrait("a tired nurse").Duration(3.5).Seed(7);
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task DurationFromVariable_NoDiagnostic(SourceKind kind) => VerifyCS.VerifyAsync("""
        var seconds = DateTime.Now.Second;
        return Shot.TightPortrait("a tired nurse").Duration(seconds).Seed(7);
        """, kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task BareStatement_ReportsCF0201(SourceKind kind) => VerifyCS.VerifyAsync("""
        Shot.TightPortrait("a tired nurse").{|CF0201:Duration(6)|};
        return null;
        """, kind);
}
