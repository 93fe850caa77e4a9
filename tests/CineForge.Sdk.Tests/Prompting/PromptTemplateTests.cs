using CineForge.Hosting;
using CineForge.Prompting;

namespace CineForge.Tests.Prompting;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Prompt_InjectsTheLockedCharacterSheet()
    {
        var film = TestFilms.Clean();

        var prompt = PromptTemplate.For(film, film.Shots[1]);

        Assert.Equal(
            "cinematic film still, tight portrait, 50mm lens, Ada, forties, short grey hair, wearing green wool coat, in hallway of an old flat, morning, overcast weather, soft window light from camera left, palette of green, cream, fine grain",
            prompt.Positive);
        Assert.Equal("lens flare, plastic skin, oversharpened, video game render, CGI look, watermark, deformed hands", prompt.Negative);
    }

    [Fact]
    public void Prompt_IsDeterministic()
    {
        Assert.Equal(TestFilms.Clean().Prompts(), TestFilms.Clean().Prompts());
    }

    [Fact]
    public void ShotLight_OverridesTheChartersDirection()
    {
        var film = TestFilms.Clean().WithShot(0, s => s.Light(LightDirection.Back));

        Assert.Contains("soft window light backlit", PromptTemplate.For(film, film.Shots[0]).Positive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CosmeticAdPrompts_ArePinned()
    {
        var film = Assert.Single(await FilmScript.LoadAsync(Repo.PathOf("examples", "cosmetic-ad", "film.csx")));

        var text = string.Concat(film.Shots.Zip(film.Prompts(), (shot, p) => $"[{shot.Name}]\n+ {p.Positive}\n- {p.Negative}\n"));

        Approval.Verify("cosmetic-ad.prompts.txt", text);
    }
}
