using CineForge.Analyzers.Tests.Verifiers;
using Fix = CineForge.Analyzers.Tests.Verifiers.CodeFixVerifier<CineForge.Analyzers.Grade.GradeAnalyzer, CineForge.CodeFixes.Grade.ReorderGradeCodeFix>;

namespace CineForge.Analyzers.Tests.CodeFixes;

public sealed class ReorderGradeCodeFixTests
{
    private const string Film = """
        return Film.Titled("Grade")
            .Export(e => e.Master().Web().Mobile())
        """;

    [Theory, Trait("Rule", "CF0601"), Trait("Rule", "CF0606"), InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task LookBeforeExposure_MovesAfterHarmonization(SourceKind kind) => Fix.VerifyAsync(
        Film + """
                .Grade(g => g.{|CF0601:{|CF0606:Lut("warm.cube", 0.3)|}|}.Exposure(0.2).SoftContrast(0.15).SecondarySkin().Harmonize().Grain(0.04));
            """,
        Film + """
                .Grade(g => g.Exposure(0.2).SoftContrast(0.15).SecondarySkin().Harmonize().Lut("warm.cube", 0.3).Grain(0.04));
            """,
        kind);

    [Theory, Trait("Rule", "CF0602"), InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task StepsOutOfOrder_AreSortedKeepingTheirArguments(SourceKind kind) => Fix.VerifyAsync(
        Film + """
                .Grade(g => g.Exposure(0.1).SecondarySkin(0.4).{|CF0602:SoftContrast(0.2)|}.Harmonize().Grain(0.05));
            """,
        Film + """
                .Grade(g => g.Exposure(0.1).SoftContrast(0.2).SecondarySkin(0.4).Harmonize().Grain(0.05));
            """,
        kind);
}
