using CineForge.Analyzers.Tests.Verifiers;
using Fix = CineForge.Analyzers.Tests.Verifiers.CodeFixVerifier<CineForge.Analyzers.Continuity.ContinuityAnalyzer, CineForge.CodeFixes.Continuity.ShowProductCodeFix>;

namespace CineForge.Analyzers.Tests.CodeFixes;

[Trait("Rule", "CF0305")]
public sealed class ShowProductCodeFixTests
{
    private const string Sheets = """
        var mara = Character.Sheet("Mara").Face("freckles").Wardrobe("ochre shirt").Seed(3);
        var serum = Product.Sheet("Serum").Material("amber glass").Colour("amber").Shape("dropper bottle").Seed(8);
        """;

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task ObjectDetailInItsOwnWords_ShowsTheSheetInstead(SourceKind kind) => Fix.VerifyAsync(
        Sheets + """

        return Film.Titled("Serum").Cast(mara).Products(serum).Charter(c => c.Light(LightDirection.Left, "window light"))
            .Shot({|CF0305:Shot.ObjectDetail("white serum bottle with a black cap").Named("hook").Seed(1)|});
        """,
        Sheets + """

        return Film.Titled("Serum").Cast(mara).Products(serum).Charter(c => c.Light(LightDirection.Left, "window light"))
            .Shot(Shot.ObjectDetail(serum).Named("hook").Seed(1));
        """,
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task MediumActionNamingTheProduct_GetsTheSheetBesideItsCharacter(SourceKind kind) => Fix.VerifyAsync(
        Sheets + """

        return Film.Titled("Serum").Cast(mara).Products(serum).Charter(c => c.Light(LightDirection.Left, "window light"))
            .Shot({|CF0305:Shot.MediumAction(mara, "presses two drops of serum onto her cheekbones").Seed(2)|});
        """,
        Sheets + """

        return Film.Titled("Serum").Cast(mara).Products(serum).Charter(c => c.Light(LightDirection.Left, "window light"))
            .Shot(Shot.MediumAction(mara, serum, "presses two drops of serum onto her cheekbones").Seed(2));
        """,
        kind);

    [Theory, InlineData(SourceKind.Regular), InlineData(SourceKind.Script)]
    public Task OtherShotsNamingTheProduct_ShowIt(SourceKind kind) => Fix.VerifyAsync(
        Sheets + """

        return Film.Titled("Serum").Cast(mara).Products(serum).Charter(c => c.Light(LightDirection.Left, "window light"))
            .Shot({|CF0305:Shot.WideAmbience("kitchen with the bottle on the sill", mara).Seed(3)|});
        """,
        Sheets + """

        return Film.Titled("Serum").Cast(mara).Products(serum).Charter(c => c.Light(LightDirection.Left, "window light"))
            .Shot(Shot.WideAmbience("kitchen with the bottle on the sill", mara).Seed(3).Showing(serum));
        """,
        kind);
}
