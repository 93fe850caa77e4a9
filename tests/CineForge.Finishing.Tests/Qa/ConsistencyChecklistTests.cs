using CineForge.Rules;
using CineForge.Validation;

namespace CineForge.Finishing.Tests.Qa;

/// <summary>"3 minimum consistent shots" is decided by the cast's faces (QA10) and the product's look (QA12) too, where the film has them.</summary>
public sealed class ConsistencyChecklistTests
{
    private static readonly Product Serum = Product.Sheet("Serum").Material("amber glass").Shape("dropper bottle").Seed(2024);
    private static readonly Character Mara = Character.Sheet("Mara").Face("early thirties, freckles").Wardrobe("ochre linen shirt").Seed(1207);

    [Fact, Trait("Rule", RuleIds.QA12)]
    public void ProductThatChangesBetweenShots_FailsTheConsistentShotsItem_NamingThePair()
    {
        var film = WithShots(s => s.Showing(Serum), null, s => s.Showing(Serum));
        var qa = Casts(film).Append(new QaResult(QaMetrics.ProductAppearance, "s0 ↔ s2 (product)", 58.1, "selection")).ToList();

        var item = MeasuredChecklist.Of(film, qa).Single(c => c.Key == "min-shots");

        Assert.Equal(ChecklistState.Failed, item.State);
        Assert.Equal(["QA12: s0 ↔ s2 (product)"], item.Because);
    }

    [Fact, Trait("Rule", RuleIds.QA10)]
    public void CastFaceThatDrifts_FailsTheConsistentShotsItem()
    {
        var film = WithShots(s => s.Featuring(Mara), s => s.Featuring(Mara), null);
        var qa = Casts(film).Append(new QaResult(QaMetrics.FaceIdentity, "s1", 0.62, "selection")).Append(new QaResult(QaMetrics.FaceIdentity, "s0", 0.02, "selection")).ToList();

        var item = MeasuredChecklist.Of(film, qa).Single(c => c.Key == "min-shots");

        Assert.Equal(ChecklistState.Failed, item.State);
        Assert.Equal(["QA10: s1"], item.Because);
    }

    [Fact]
    public void FilmWithoutCastOrProduct_IsDecidedByItsColourAlone()
    {
        var film = WithShots(null, null, null);

        Assert.Equal([RuleIds.QA03], ChecklistStatus.Checks(film, PublicationChecklist.Items.Single(i => i.Key == "min-shots")));
        Assert.Equal(ChecklistState.Met, MeasuredChecklist.Of(film, Casts(film).ToList()).Single(c => c.Key == "min-shots").State);
    }

    [Fact]
    public void CastFilmWhoseFacesWereNotMeasured_StillAwaitsQa10()
    {
        var film = WithShots(s => s.Featuring(Mara), null, null);

        var item = MeasuredChecklist.Of(film, Casts(film).ToList()).Single(c => c.Key == "min-shots");

        Assert.Equal(ChecklistState.AwaitsRender, item.State);
        Assert.Equal([RuleIds.QA10], item.Because);
    }

    private static Film WithShots(params Func<Shot, Shot>?[] change)
    {
        var film = TestFilms.Shots(Enumerable.Repeat(1.0, change.Length).ToArray());
        return film with { Shots = ValueList<Shot>.From(film.Shots.Select((s, i) => change[i] is { } c ? c(s) : s)) };
    }

    // Every shot's graded cast, passing: QA03 measured as the render does.
    private static IEnumerable<QaResult> Casts(Film film) => film.Shots.Select(s => new QaResult(QaMetrics.ColourCast, s.Name + " (graded cast)", 1.0, "finishing"));
}
