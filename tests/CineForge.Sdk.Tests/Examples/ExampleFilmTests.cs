using CineForge.Hosting;
using CineForge.Rules;

namespace CineForge.Tests.Examples;

/// <summary>The examples are real films: the method's productions validate clean, the mistakes film trips its pinned rules.</summary>
public sealed class ExampleFilmTests
{
    [Theory]
    [InlineData("cosmetic-ad", 7, 30)]
    [InlineData("dramatic-short", 7, 28)]
    [InlineData("mini-case", 4, 17)]
    public async Task MethodExample_ValidatesClean(string folder, int shots, double seconds)
    {
        var film = Assert.Single(await FilmScript.LoadAsync(Repo.PathOf("examples", folder, "film.csx")));

        Assert.Empty(film.Validate());
        Assert.Equal(shots, film.Shots.Count);
        Assert.Equal(seconds, film.Runtime);
    }

    [Fact]
    public async Task CosmeticAd_IsAnAdEndingOnItsCallToAction()
    {
        var film = Assert.Single(await FilmScript.LoadAsync(Repo.PathOf("examples", "cosmetic-ad", "film.csx")));

        Assert.Equal(FilmKind.Ad, film.Format.Kind);
        Assert.Equal(Beat.CallToAction, film.Shots[^1].Mission!.Beat);
    }

    [Fact]
    public async Task Mistakes_TripsTheirPinnedRules()
    {
        var film = Assert.Single(await FilmScript.LoadAsync(Repo.PathOf("examples", "mistakes", "film.csx")));
        var diagnostics = film.Validate();

        Assert.True(diagnostics.Select(d => d.RuleId).Distinct().Count() >= 10, "the mistakes film must trip at least ten different rules");
        Approval.VerifyFile(Repo.PathOf("examples", "mistakes", "expected.txt"), string.Concat(diagnostics.Select(d => d + "\n")));
    }

    [Fact]
    public async Task Mistakes_CoverEveryFamily()
    {
        var film = Assert.Single(await FilmScript.LoadAsync(Repo.PathOf("examples", "mistakes", "film.csx")));

        var families = film.Validate().Select(d => d.Rule.Family).Distinct();

        Assert.Equal(Enum.GetValues<RuleFamily>().OrderBy(f => f), families.OrderBy(f => f));
    }
}
