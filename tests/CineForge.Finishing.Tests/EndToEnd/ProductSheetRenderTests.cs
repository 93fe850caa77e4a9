using CineForge.Hosting;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Media;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests.EndToEnd;

/// <summary>
/// Issue 21: the example ad's serum is one bottle. Its product shots are rendered (previz, draft size),
/// their clips decoded on their own and the product read inside the subject box the render recorded
/// for each frame: with the product sheet, every two product shots lie within QA12's stated tolerance
/// (<see cref="QaMetrics.ProductAppearanceTolerance"/>, CIE76 ΔE); with the old free-text descriptions
/// (the sheet still declared, the shots describing the bottle in their own words) the hook and the
/// call to action are two different bottles, and QA12 in render.json says so.
/// </summary>
public sealed class ProductSheetRenderTests(ITestOutputHelper output)
{
    private static readonly string Example = Path.Combine(RepositoryRoot.Path, "examples", "cosmetic-ad");

    // The part of each recorded subject box read here, independently of the runtime's reading: the
    // middle third of its width, from 45% to 80% of its height (the bottle's body, under its cap).
    private static readonly (double Left, double Top, double Right, double Bottom) Body = (1 / 3.0, 0.45, 2 / 3.0, 0.8);

    [Fact]
    public async Task CosmeticAd_DrawsTheSameBottleInEveryProductShot()
    {
        using var media = new Synthetic();
        var render = await RenderAsync(File.ReadAllText(Path.Combine(Example, "film.csx")), media);

        var colours = ProductColours(render);
        Assert.Equal(new[] { "serum-drop", "texture", "cta-bottle" }, colours.Keys);
        foreach (var (from, to, delta) in Pairs(colours))
        {
            output.WriteLine($"sheet: {from} ↔ {to}: ΔE {delta:0.00}");
            Assert.True(delta <= QaMetrics.ProductAppearanceTolerance, $"{from} ↔ {to}: the bottle differs by ΔE {delta:0.00}, over {QaMetrics.ProductAppearanceTolerance}");
        }

        Assert.Equal(3, render.Products.Count);
        Assert.All(render.Products, p => Assert.True(p.Passed, $"QA12 {p.From} ↔ {p.To}: ΔE {p.DeltaE}"));
        Assert.Contains("\"products\": [", File.ReadAllText(Path.Combine(render.FilmDirectory, FilmRenderer.SummaryName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldFreeTextDescriptions_DrawAnotherBottle_AndQa12ReportsTheDifference()
    {
        using var media = new Synthetic();
        var render = await RenderAsync(FreeText(File.ReadAllText(Path.Combine(Example, "film.csx"))), media);

        var colours = ProductColours(render);
        var hookToCta = colours["serum-drop"].DeltaE(colours["cta-bottle"]);
        output.WriteLine($"free text: serum-drop ↔ cta-bottle: ΔE {hookToCta:0.00}");
        Assert.True(hookToCta > 3 * QaMetrics.ProductAppearanceTolerance, $"the free-text hook and CTA bottles differ by only ΔE {hookToCta:0.00}");

        var step = Assert.Single(render.Products, p => p.From == "serum-drop" && p.To == "cta-bottle");
        Assert.False(step.Passed);
        Assert.InRange(step.DeltaE, hookToCta - QaMetrics.ProductAppearanceTolerance, hookToCta + QaMetrics.ProductAppearanceTolerance);
        var hook = render.Shots.Single(s => s.Name == "serum-drop").SelectedTake!.Qa[RuleIds.QA12]!;
        Assert.False(hook.Passed);
    }

    /// <summary>The example with its product shots written as they were before the product sheet: the sheet declared, the shots describing the bottle in their own words.</summary>
    internal static string FreeText(string film)
    {
        var edits = new (string Sheet, string Words)[]
        {
            ("Shot.ObjectDetail(serum).Action(\"a drop falling onto frosted glass\")", "Shot.ObjectDetail(\"serum drop falling onto frosted glass, amber glass dropper\")"),
            ("Shot.ObjectDetail(serum).Action(\"a fingertip spreading a clear drop on the back of a hand\")", "Shot.ObjectDetail(\"fingertip spreading clear serum on the back of a hand\")"),
            ("Shot.MediumAction(mara, serum, \"presses two drops onto her cheekbones\")", "Shot.MediumAction(mara, \"presses two drops of serum onto her cheekbones\")"),
            ("Shot.ObjectDetail(serum).Action(\"on the windowsill beside a nurse badge\")", "Shot.ObjectDetail(\"amber serum bottle on the windowsill beside a nurse badge\")"),
        };
        foreach (var (sheet, words) in edits)
        {
            Assert.Contains(sheet, film, StringComparison.Ordinal);
            film = film.Replace(sheet, words, StringComparison.Ordinal);
        }

        return film;
    }

    private static async Task<FilmRenderResult> RenderAsync(string source, Synthetic media)
    {
        var script = media.PathOf("film.csx");
        await File.WriteAllTextAsync(script, source);
        var film = (await FilmScript.LoadAsync(script))[0];
        return await new FilmRenderer().RenderAsync(film, new RenderOptions
        {
            OutputDirectory = media.PathOf("render"),
            LockFile = media.PathOf("film.lock.json"),
            AssetRoot = Example,
            Resolution = new FrameSize(384, 216),
        });
    }

    // Each object detail QA12 read: the mean colour of its selected clip's decoded frames (every sixth), inside each frame's recorded box.
    private static Dictionary<string, Lab> ProductColours(FilmRenderResult render)
    {
        var colours = new Dictionary<string, Lab>(StringComparer.Ordinal);
        foreach (var shot in render.Shots.Where(s => s.SelectedTake?.Qa.Product is not null))
        {
            var take = shot.SelectedTake!;
            var track = take.Qa.Subject ?? throw new Xunit.Sdk.XunitException($"{shot.Name}: no recorded subject track");
            var frames = IndependentSampler.Sample(FfmpegTool.Default, take.Clip, 0, track.Boxes.Count / (double)Recommended.Fps, track.Width, track.Height, Recommended.Fps);
            double r = 0, g = 0, b = 0;
            var count = 0;
            for (var i = 0; i < frames.Count; i += 6)
            {
                var box = track.At(i);
                for (var y = (int)(box.Top + (Body.Top * box.Height)); y < (int)(box.Top + (Body.Bottom * box.Height)); y++)
                {
                    for (var x = (int)(box.Left + (Body.Left * box.Width)); x < (int)(box.Left + (Body.Right * box.Width)); x++)
                    {
                        var c = frames[i].At(Math.Clamp(x, 0, track.Width - 1), Math.Clamp(y, 0, track.Height - 1));
                        (r, g, b, count) = (r + c.R, g + c.G, b + c.B, count + 1);
                    }
                }
            }

            colours[shot.Name] = Colour.ToLab(new Rgb(r / count, g / count, b / count));
        }

        return colours;
    }

    private static IEnumerable<(string From, string To, double Delta)> Pairs(Dictionary<string, Lab> colours) =>
        colours.Keys.SelectMany((a, i) => colours.Keys.Skip(i + 1).Select(b => (a, b, colours[a].DeltaE(colours[b]))));
}
