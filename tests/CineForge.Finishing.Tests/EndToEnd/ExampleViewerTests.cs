using CineForge.Finishing.Edit;
using CineForge.Finishing.Export;
using CineForge.Hosting;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Validation;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests.EndToEnd;

/// <summary>Every example that renders, rendered once as a user renders it (previz backends, at a draft size): what the reframing tests read.</summary>
public sealed class RenderedExamples : IDisposable
{
    private readonly Synthetic media = new();
    private readonly Dictionary<string, Task<IReadOnlyList<(Film Film, FilmRenderResult Shots, string Script)>>> renders = new(StringComparer.Ordinal);

    public static readonly FrameSize Size = new(384, 216);

    public static IEnumerable<string> Names => Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "examples")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    /// <summary>The renderable films of <paramref name="example"/> with their render part 1 (a film that does not validate, such as the mistakes example, is left out).</summary>
    public Task<IReadOnlyList<(Film Film, FilmRenderResult Shots, string Script)>> Of(string example)
    {
        lock (renders)
        {
            if (!renders.TryGetValue(example, out var render))
            {
                render = Render(example);
                renders[example] = render;
            }

            return render;
        }
    }

    public void Dispose() => media.Dispose();

    private async Task<IReadOnlyList<(Film, FilmRenderResult, string)>> Render(string example)
    {
        var script = Path.Combine(RepositoryRoot.Path, "examples", example, "film.csx");
        var result = new List<(Film, FilmRenderResult, string)>();
        foreach (var film in await FilmScript.LoadAsync(script))
        {
            if (film.IsRenderable())
            {
                var shots = await new FilmRenderer().RenderAsync(film, new RenderOptions { OutputDirectory = media.PathOf(example + "-" + result.Count), ScriptPath = script, Resolution = Size });
                result.Add((film, shots, script));
            }
        }

        return result;
    }
}

/// <summary>Issue 18, over every example: what the viewer sees on a phone.</summary>
public sealed class ExampleViewerTests(RenderedExamples examples, ITestOutputHelper output) : IClassFixture<RenderedExamples>
{
    public static TheoryData<string> Examples() => new(RenderedExamples.Names);

    [Theory, MemberData(nameof(Examples))]
    public async Task EveryShot_KeepsItsSubjectInTheMobileWindow_AndHoldsStillWhileTheSubjectDoes(string example)
    {
        foreach (var (film, shots, script) in await examples.Of(example))
        {
            var request = RenderedFilm.Request(film, shots, script);
            var timeline = Timeline.Plan(film, request.Selections, RenderedExamples.Size);

            var crop = MobileCrop.Plan(timeline, []);

            foreach (var window in crop.Windows)
            {
                output.WriteLine($"{example}: {crop.Describe(window)}");
                Assert.Equal(CropBasis.SubjectBox, window.Basis);
                Assert.True(crop.SubjectInside(window) >= QaMetrics.SubjectInCrop.Limit / 100, crop.Describe(window));
                var boxes = window.Subject!;
                var x = window.X;
                for (var n = 1; n < x.Count; n++)
                {
                    var still = Math.Abs(Centre(boxes[n]) - Centre(boxes[n - 1])) < 0.25;
                    Assert.True(!still || Math.Abs(x[n] - x[n - 1]) <= MobileCrop.MaxStillStep, $"{window.Shot}: window moves {x[n - 1]} → {x[n]} at frame {n} while the subject holds still");
                }
            }
        }
    }

    private static double Centre(Runtime.Stages.Keyframe.PixelBox box) => (box.Left + box.Right) / 2;
}
