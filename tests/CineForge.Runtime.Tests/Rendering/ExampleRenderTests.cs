using Xunit.Abstractions;

namespace CineForge.Runtime.Tests.Rendering;

public sealed class ExampleRenderTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CosmeticAd_RendersEverySelectedClip_AndSecondRunDoesNoWork()
    {
        using var folder = new TempFolder();
        var film = TestFilms.CosmeticAd();
        var options = TestFilms.Options(folder.Path, TestFilms.CosmeticAdFolder);

        var first = await new FilmRenderer().RenderAsync(film, options);
        foreach (var shot in first.Shots)
        {
            output.WriteLine($"{shot.Index:00} {shot.Name}: {shot.Report}");
            foreach (var take in shot.Takes)
            {
                output.WriteLine($"   {take.Label}: {string.Join(" | ", take.Qa.Scores)}");
            }
        }

        Assert.Equal(film.Shots.Count, first.Shots.Count);
        Assert.All(first.Shots, s => Assert.True(File.Exists(s.SelectedTake?.Clip), s.Report));
        Assert.Equal(film.Shots.Sum(s => s.Variants.Count + 1), first.Work.ClipsEncoded);
        Assert.True(File.Exists(first.LockFile));

        var second = await new FilmRenderer().RenderAsync(film, options);

        Assert.True(second.Work.IsNone, second.Work.ToString());
        Assert.Empty(second.LockChanges);
        Assert.Equal(first.Shots.Select(s => s.SelectedTake!.ClipSha256), second.Shots.Select(s => s.SelectedTake!.ClipSha256));
    }
}
