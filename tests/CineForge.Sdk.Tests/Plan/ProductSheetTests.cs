using CineForge.Rules;

namespace CineForge.Tests.Plan;

/// <summary>The product sheet: locked like a character's, injected into every shot that shows it, taken by the object detail preset.</summary>
public sealed class ProductSheetTests
{
    private static readonly Product Serum = Product.Sheet("Serum").Material("amber glass").Colour("amber").Shape("dropper bottle")
        .Label("cream paper label").Finish("polished").Highlight("one soft vertical reflection").Seed(2024);

    private static readonly Character Mara = Character.Sheet("Mara").Face("freckles").Wardrobe("ochre linen shirt").Seed(1207);

    [Fact]
    public void EveryShotShowingTheProduct_CarriesTheSameLockedWords()
    {
        var film = Film.Titled("Serum").Cast(Mara).Products(Serum)
            .Shot(Shot.ObjectDetail(Serum).Action("a drop falling onto frosted glass").Seed(1))
            .Shot(Shot.MediumAction(Mara, Serum, "presses two drops onto her cheekbones").Seed(2))
            .Shot(Shot.TightPortrait(Mara).Seed(3));
        const string Locked = "Serum, amber glass dropper bottle, label: cream paper label, polished finish, highlight: one soft vertical reflection";

        var prompts = film.Prompts();

        Assert.Contains(Locked, prompts[0].Positive, StringComparison.Ordinal);
        Assert.Contains(Locked, prompts[1].Positive, StringComparison.Ordinal);
        Assert.DoesNotContain("Serum", prompts[2].Positive, StringComparison.Ordinal);
        Assert.Equal("serum-object-detail-shot", film.Shots[0].Name);
    }

    [Fact]
    public void ObjectDetailWithoutArgument_TakesTheFilmsProduct_BeforeTheBriefsSubject()
    {
        var film = Film.Titled("Serum").Products(Serum).Brief(b => b.Subject("a nurse and a serum")).Shot(Shot.ObjectDetail().Seed(1));
        var late = Film.Titled("Serum").Shot(Shot.ObjectDetail().Seed(1)).Products(Serum);

        Assert.Equal(new[] { Serum }, film.Shots[0].Products);
        Assert.Null(film.Shots[0].Subject);
        Assert.Equal(new[] { Serum }, late.Shots[0].Products);
        Assert.False(late.Shots[0].SubjectFromFilm);
    }

    [Fact]
    public void DiffersFrom_NamesEachLockedPartAShotChanges()
    {
        Assert.Empty(Serum.DiffersFrom(Serum));
        Assert.Equal(new[] { "colour", "seed" }, Serum.DiffersFrom(Serum.Colour("white").Seed(1)));
        Assert.Equal(new[] { "colour" }, Serum.DiffersFrom(Serum with { Colour = null }));
    }

    [Fact]
    public void ShotOverridingTheSheet_ReportsCF0305_ForEachPart()
    {
        var film = Film.Titled("Serum").Products(Serum).Shot(Shot.ObjectDetail(Serum.Colour("white").Finish("matte")).Seed(1));

        var found = film.Validate().Where(d => d.RuleId == RuleIds.CF0305).Select(d => d.Message).ToList();

        Assert.Equal(
            new[]
            {
                "Shot #1 'serum-object-detail-shot' describes product 'Serum' with its own colour, not the sheet's: show the product's sheet, whose descriptors stay locked in every shot",
                "Shot #1 'serum-object-detail-shot' describes product 'Serum' with its own finish, not the sheet's: show the product's sheet, whose descriptors stay locked in every shot",
            },
            found);
    }

    [Theory]
    [InlineData("amber serum bottle on the windowsill", true)]
    [InlineData("two Bottles of water", true)]
    [InlineData("a fingertip spreading a clear drop", false)]
    [InlineData("serums", true)]
    public void FreeText_NamesTheProduct_ByItsNameOrItsShapesNoun(string text, bool names) =>
        Assert.Equal(names, ProductRules.Names(text, ProductRules.NamingWords(Serum.Name, Serum.Shape)));
}
