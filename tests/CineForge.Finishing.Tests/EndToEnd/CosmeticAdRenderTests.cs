using System.Text.RegularExpressions;
using CineForge.Hosting;
using CineForge.Rules;
using CineForge.Runtime;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests.EndToEnd;

/// <summary>
/// The example ad from script to finished film: render part 1 (previz backends, at a draft size so the
/// test stays fast), then the finishing pass, checked the way a person would: ffprobe, an independent
/// loudness reading, and the report in a real browser.
/// </summary>
public sealed class CosmeticAdRenderTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task CosmeticAd_EndsWithThreeExportsAtTargetLoudnessAndAReportThatLoads()
    {
        var script = Path.Combine(RepositoryRoot.Path, "examples", "cosmetic-ad", "film.csx");
        var film = (await FilmScript.LoadAsync(script))[0];
        using var media = new Synthetic();
        var lockFile = media.PathOf("film.lock.json");
        var production = await new FilmProduction().RenderAsync(film, new RenderOptions
        {
            OutputDirectory = media.Root,
            LockFile = lockFile,
            ScriptPath = script,
            Resolution = new FrameSize(384, 216),
        });

        var result = production.Finished ?? throw new Xunit.Sdk.XunitException("finishing did not run: " + production.Stopped);

        var frame = 1.0 / Recommended.Fps;
        var expected = new Dictionary<ExportKind, (string Codec, double Aspect)>
        {
            [ExportKind.Master] = ("prores", 16.0 / 9),
            [ExportKind.Web] = ("h264", 16.0 / 9),
            [ExportKind.Mobile] = ("h264", 9.0 / 16),
        };
        Assert.Equal(3, result.Exports.Files.Count);
        foreach (var file in result.Exports.Files)
        {
            var probe = Probe.Of(file.Path);
            output.WriteLine($"{file.Kind}: {probe}");
            Assert.Equal(expected[file.Kind].Codec, probe.Codec);
            Assert.Equal(expected[file.Kind].Aspect, (double)probe.Width / probe.Height, 2);
            Assert.Equal(Recommended.Fps, probe.Fps, 3);
            Assert.InRange(probe.VideoDuration, film.Runtime - frame, film.Runtime + frame);
        }

        Assert.Equal("yuv420p", Probe.Of(result.Exports.Files.Single(f => f.Kind == ExportKind.Web).Path).PixelFormat);
        var master = Path.GetDirectoryName(result.Exports.Files.Single(f => f.Kind == ExportKind.Master).Path)!;
        Assert.True(File.Exists(Path.Combine(master, "film.csx")));
        Assert.True(File.Exists(Path.Combine(master, "film.lock.json")));

        foreach (var file in result.Exports.Files)
        {
            var peak = Ebur128.TruePeak(file.Path);
            output.WriteLine($"{file.Kind}: true peak {peak:0.00} dBTP, {Ebur128.Integrated(file.Path):0.0} LUFS");
            Assert.True(peak <= Loudness.TruePeakCeiling, $"{file.Kind}: true peak {peak:0.00} dBTP over {Loudness.TruePeakCeiling} dBTP");
        }

        foreach (var stem in result.Sound.Stems)
        {
            Assert.True(Ebur128.TruePeak(stem.Path) <= Loudness.TruePeakCeiling + 0.05, $"{stem.Name} over the true-peak ceiling: {Ebur128.TruePeak(stem.Path):0.00} dBTP");
            var measured = Ebur128.Integrated(stem.Path);
            output.WriteLine($"{stem.Name}: {measured:0.0} LUFS, target {stem.Target}");
            Assert.InRange(measured, stem.Target - Loudness.Tolerance, stem.Target + Loudness.Tolerance);
        }

        // QA10 for every shot that casts Mara, in the report's QA table, measured by selection.
        var html = File.ReadAllText(result.ReportPath);
        foreach (var shot in film.Shots.Where(s => s.Characters.Count > 0))
        {
            Assert.Matches($"<tr><td>QA10 Face identity drift</td><td>{Regex.Escape(shot.Name)}</td><td>\\d+(?:\\.\\d+)? cosine distance</td>(?:(?!</tr>).)*<td class=\"pass\">pass</td>", html);
        }

        // QA12 between every two shots that show the serum, in the report's QA table: the same bottle throughout.
        var productShots = film.Shots.Where(s => s.Type == ShotType.ObjectDetail && s.Products.Count > 0).Select(s => s.Name).ToList();
        Assert.Equal(3, productShots.Count);
        foreach (var (from, to) in productShots.SelectMany((a, i) => productShots.Skip(i + 1).Select(b => (a, b))))
        {
            Assert.Matches($"<tr><td>QA12 Product appearance drift</td><td>{Regex.Escape(from)} ↔ {Regex.Escape(to)} \\(product\\)</td><td>\\d+(?:\\.\\d+)? ΔE\\(76\\)</td>(?:(?!</tr>).)*<td class=\"pass\">pass</td>", html);
        }

        Skip.If(Chromium.Executable is null, "chromium is not installed (apt-get install chromium)");
        var dom = Chromium.DumpDom(result.ReportPath);
        Assert.Equal("ok", Regex.Match(dom, "data-render-check=\"([^\"]*)\"").Groups[1].Value);
    }
}
