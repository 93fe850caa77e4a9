using System.Globalization;
using System.Text.RegularExpressions;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Export;
using CineForge.Hosting;
using CineForge.Rules;
using CineForge.Runtime;
using CineForge.Validation;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests.EndToEnd;

/// <summary>Every example that renders, rendered once as a user renders it (previz backends, at a draft size): what the selection and the reframing tests read.</summary>
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

/// <summary>Issue 18, over every example: what the viewer sees on a phone, and a selection a director can read.</summary>
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

    [Theory, MemberData(nameof(Examples))]
    public async Task EveryABShot_NamesADecidingMeasureBeyondItsNoise_OrATie(string example)
    {
        var decided = new Regex(@"^(?<kept>\w+)-seed\d+ kept over (?<other>\w+): (?<id>QA\d\d) [^0-9]+ (?<a>[0-9.]+) vs (?<b>[0-9.]+) \(noise [0-9.]+(?<limit>; \w+ fails its limit)?\)");
        foreach (var (_, shots, _) in await examples.Of(example))
        {
            foreach (var shot in shots.Shots.Where(s => s.Takes.Count > 1))
            {
                output.WriteLine($"{example} {shot.Name}: {shot.Report}");
                if (shot.Report.Contains("tie, A kept", StringComparison.Ordinal))
                {
                    Assert.Equal("A", shot.Selected);
                    continue;
                }

                if (shot.Report.Contains("the only take without a major defect", StringComparison.Ordinal))
                {
                    Assert.Single(shot.Takes, t => !t.Rejected);
                    continue;
                }

                var match = decided.Match(shot.Report);
                Assert.True(match.Success, $"{shot.Name}: the report names no deciding measure: {shot.Report}");
                var metric = QaMetrics.Get(match.Groups["id"].Value);
                var (kept, other) = (double.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture));
                Assert.Equal(shot.Selected, match.Groups["kept"].Value);
                Assert.True(Math.Abs(kept - other) > metric.Noise, $"{shot.Name}: {metric.Id} differs by {Math.Abs(kept - other)}, within its noise {metric.Noise}");
                Assert.True(match.Groups["limit"].Success || (metric.Bound == QaBound.AtMost ? kept < other : kept > other), $"{shot.Name}: the kept take is the worse on {metric.Id}");
                var values = shot.Takes.ToDictionary(t => t.Label, t => t.Qa[metric.Id]!.Value);
                Assert.Equal((values[shot.Selected!], values[match.Groups["other"].Value]), (kept, other));
            }
        }
    }

    [Theory, MemberData(nameof(Examples))]
    public async Task NoTake_ReadsTheChartersPaletteAsACast(string example)
    {
        // The ad's charter asks for ochre and teal: its warm portraits and amber bottle lean that way, and QA03 must say so.
        foreach (var (film, shots, _) in await examples.Of(example))
        {
            var palette = film.Charter.Palette ?? film.Brief.Palette ?? "(none)";
            foreach (var take in shots.Shots.SelectMany(s => s.Takes.Select(t => (Shot: s.Name, Take: t))))
            {
                var cast = take.Take.Qa[RuleIds.QA03]!;
                output.WriteLine($"{example} {take.Shot} {take.Take.Label}: {cast} (palette {palette}; a* {take.Take.Qa.MeanA}, b* {take.Take.Qa.MeanB})");
                Assert.True(cast.Passed, $"{take.Shot} take {take.Take.Label}: {cast} in a film whose palette is '{palette}'");
            }
        }
    }

    [Theory, MemberData(nameof(Examples))]
    public async Task EveryShotWithACastCharacter_HoldsItsSheetsFace_InRenderJson(string example)
    {
        // QA10 runs for every shot that casts a character, on the previz's frames, and nowhere else.
        foreach (var (film, shots, _) in await examples.Of(example))
        {
            using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(shots.FilmDirectory, FilmRenderer.SummaryName)));
            var written = summary.RootElement.GetRawText();
            foreach (var shot in shots.Shots)
            {
                var cast = film.Shots[shot.Index - 1].Characters.Count > 0;
                foreach (var take in shot.Takes)
                {
                    var face = take.Qa[RuleIds.QA10];
                    output.WriteLine($"{example} {shot.Name} {take.Label}: {(face?.ToString() ?? "no QA10")}");
                    Assert.Equal(cast, face is not null);
                    Assert.True(face is null || face.Passed, $"{shot.Name} {take.Label}: {face}");
                }
            }

            Assert.Equal(shots.Shots.Any(s => film.Shots[s.Index - 1].Characters.Count > 0), written.Contains("\"QA10\"", StringComparison.Ordinal));
        }
    }

    private static double Centre(Runtime.Stages.Keyframe.PixelBox box) => (box.Left + box.Right) / 2;
}
