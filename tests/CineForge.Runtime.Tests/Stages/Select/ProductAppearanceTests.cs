using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Select.Qa;
using Xunit.Abstractions;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>
/// Issue 21: QA12 (product appearance) runs on every object detail that shows or names the film's
/// product. The previz draws the product from its sheet, the measure reads it inside the subject box
/// the render records, and holds it to the sheet drawn in the shot's light.
/// </summary>
public sealed class ProductAppearanceTests(ITestOutputHelper output)
{
    private static readonly FrameSize Size = new(384, 216);

    [Fact]
    public void EveryProductShot_HoldsTheSheetsBottle()
    {
        var film = TestFilms.CosmeticAd();
        var colours = new List<(string Shot, Lab? Product)>();
        foreach (var take in ProductTakes(film))
        {
            var report = PrevizMeasure.Take(film, take, Size);
            var qa12 = report[RuleIds.QA12];
            output.WriteLine($"{take.Shot.Name} {take.Label}: {qa12}, product {report.Product}");
            Assert.NotNull(qa12);
            Assert.True(qa12.Passed, $"{take.Shot.Name} {take.Label}: {qa12}");
            colours.Add((take.Shot.Name + " " + take.Label, report.Product));
        }

        Assert.Equal(4, colours.Count);
        Assert.All(ProductContinuity.Pairs(colours), p => Assert.True(p.Passed, $"{p.From} ↔ {p.To}: ΔE {p.DeltaE}"));
    }

    [Fact]
    public void ShotOverridingTheSheetsColour_FailsQa12()
    {
        var film = TestFilms.CosmeticAd();
        var white = film with { Shots = ValueList.Of(film.Shots[0] with { Products = ValueList.Of(film.Shots[0].Products[0].Colour("white")) }) };
        var take = ShotTake.Of(white.Shots[0], 1, 1)[0];

        var qa12 = PrevizMeasure.Take(white, take, Size)[RuleIds.QA12]!;

        output.WriteLine($"white serum-drop against the amber sheet: {qa12}");
        Assert.False(qa12.Passed);
    }

    [Fact]
    public void ShotsThatAreNotProductDetails_HaveNoQa12()
    {
        var film = TestFilms.CosmeticAd();
        foreach (var shot in film.Shots.Where(s => s.Type != ShotType.ObjectDetail))
        {
            var report = PrevizMeasure.Take(film, ShotTake.Of(shot, 1, 1)[0], Size);
            Assert.Null(report[RuleIds.QA12]);
            Assert.Null(report.Product);
        }
    }

    [Fact]
    public void ProductLook_DependsOnTheSheetAlone()
    {
        var serum = TestFilms.CosmeticAd().Products[0];

        Assert.Equal(ProductLook.Of(serum), ProductLook.Of(serum with { }));
        Assert.Equal(ProductForm.Bottle, ProductLook.Of(serum).Form);
        Assert.NotEqual(ProductLook.Of(serum).Body, ProductLook.Of(serum.Colour("white")).Body);
    }

    [Fact]
    public void Pairs_CompareEveryTwoShotsThatReadTheProduct()
    {
        var amber = new Lab(60, 20, 50);
        var steps = ProductContinuity.Pairs([("hook", amber), ("portrait", null), ("texture", amber), ("cta", new Lab(90, 0, 0))]);

        Assert.Equal(new[] { "hook→texture", "hook→cta", "texture→cta" }, steps.Select(s => s.From + "→" + s.To));
        Assert.Equal(new[] { true, false, false }, steps.Select(s => s.Passed));
        Assert.Equal(Math.Round(amber.DeltaE(new Lab(90, 0, 0)), 3), steps[1].DeltaE);
    }

    private static IEnumerable<ShotTake> ProductTakes(Film film) =>
        film.Shots.Select((s, i) => (s, i)).Where(x => x.s.Type == ShotType.ObjectDetail && x.s.Products.Count > 0)
            .SelectMany(x => ShotTake.Of(x.s, x.i + 1, Recommended.MaxVersionsPerShot));
}
