using System.Text.RegularExpressions;
using CineForge.Finishing.Export;
using CineForge.Rules;
using Xunit.Abstractions;

namespace CineForge.Finishing.Tests;

/// <summary>One finishing pass over four synthetic shots, shared by the tests that inspect its output.</summary>
public sealed class FinishedSyntheticFilm : IDisposable
{
    public FinishedSyntheticFilm()
    {
        Media = new Synthetic();
        Media.Tone("tap", 0.3, volumeDb: -3);
        Media.Noise("whoosh", 0.6, amplitude: 0.05);
        File.WriteAllText(Media.PathOf("film.csx"), "// the film script\n");
        File.WriteAllText(Media.PathOf("film.lock.json"), "{}\n");
        Durations = new[] { 1.5, 1.25, 1.5, 1.0 };
        Film = TestFilms.Shots(Durations)
            .Grade(g => g.Exposure(0.1).SoftContrast(0.15).SecondarySkin(0.4).Harmonize().Grain(0.04))
            .Sound(s => s.RoomTone().Effect("tap.wav", at: 0.4, lufs: -16).Effect("whoosh.wav", at: 3.1, lufs: -17))
            .Export(e => e.Master().Web().Mobile());
        var clips = new[]
        {
            Media.Clip("a", 1.5, red: 1, green: 0.9, blue: 0.8, width: 384, height: 216),
            Media.Clip("b", 1.3, red: 0.8, green: 0.9, blue: 1, width: 384, height: 216),
            Media.Clip("c", 1.5, width: 384, height: 216),
            Media.Clip("d", 1.0, width: 384, height: 216),
        };
        var alternate = Media.Clip("a-b", 1.5, red: 0.9, width: 384, height: 216);
        // Each take's subject, as a render records it: a box right of centre, drifting a little.
        var subject = TestFilms.Track(384, 216, 36, n => new(220 + (n * 0.5), 60, 300 + (n * 0.5), 190));
        var selections = clips.Select((c, i) => TestFilms.Take("s" + i, c, subject: subject)).ToList();
        selections[0] = selections[0] with { Alternates = new[] { new TakeClip("B", alternate, new Dictionary<string, double> { [RuleIds.QA04] = 0.95 }) }, Reason = "A-seed1 kept over B: QA04 over-sharpness 0.5 vs 0.95 (noise 0.0005)" };
        Request = new FinishingRequest
        {
            Film = Film,
            Selections = selections,
            FilmDirectory = Media.Root,
            OutputDirectory = Media.PathOf("out"),
            ScriptPath = Media.PathOf("film.csx"),
            LockFilePath = Media.PathOf("film.lock.json"),
            Backends = [new("onnx-sd", "1", []), new("onnx-sd", "1", []), new("svd", "1", ["svd/unet/model.onnx=0"])],
        };
        Result = new FinishingPipeline().Run(Request);
    }

    internal Synthetic Media { get; }

    public double[] Durations { get; }

    public Film Film { get; }

    public FinishingRequest Request { get; }

    public FinishingResult Result { get; }

    public void Dispose() => Media.Dispose();
}

public sealed class FinishingPipelineTests(FinishedSyntheticFilm film, ITestOutputHelper output) : IClassFixture<FinishedSyntheticFilm>
{
    private string Export(ExportKind kind) => film.Result.Exports.Files.Single(f => f.Kind == kind).Path;

    private double Runtime => film.Durations.Sum();

    [Fact, Trait("Rule", RuleIds.CF0802)]
    public void Master_IsProRes422HqAtTheEditsSize()
    {
        var probe = Probe.Of(Export(ExportKind.Master));

        Assert.Equal("prores", probe.Codec);
        Assert.Equal("yuv422p10le", probe.PixelFormat);
        Assert.Equal((384, 216), (probe.Width, probe.Height));
        Assert.Equal(Recommended.Fps, probe.Fps, 3);
        Assert.InRange(probe.VideoDuration, Runtime - (1.0 / 24), Runtime + (1.0 / 24));
        Assert.Equal("pcm_s24le", probe.AudioCodec);
    }

    [Fact, Trait("Rule", RuleIds.CF0801)]
    public void Web_IsH264Yuv420pSixteenByNineWithFaststart()
    {
        var path = Export(ExportKind.Web);
        var probe = Probe.Of(path);

        Assert.Equal("h264", probe.Codec);
        Assert.Equal("yuv420p", probe.PixelFormat);
        Assert.Equal(16.0 / 9, (double)probe.Width / probe.Height, 2);
        Assert.Equal(Recommended.Fps, probe.Fps, 3);
        Assert.InRange(probe.VideoDuration, Runtime - (1.0 / 24), Runtime + (1.0 / 24));
        Assert.Equal("aac", probe.AudioCodec);
        var bytes = File.ReadAllBytes(path);
        Assert.True(IndexOf(bytes, "moov"u8) < IndexOf(bytes, "mdat"u8), "+faststart puts the moov atom before the media data");
    }

    [Fact, Trait("Rule", RuleIds.CF0801)]
    public void Mobile_IsNineBySixteenH264()
    {
        var probe = Probe.Of(Export(ExportKind.Mobile));

        Assert.Equal("h264", probe.Codec);
        Assert.Equal("yuv420p", probe.PixelFormat);
        Assert.Equal(9.0 / 16, (double)probe.Width / probe.Height, 3);
        Assert.InRange(probe.VideoDuration, Runtime - (1.0 / 24), Runtime + (1.0 / 24));
    }

    [Fact, Trait("Rule", RuleIds.CF0605)]
    public void DistributionExports_KeepHighlightHeadroom_MasterKeepsFullScale()
    {
        var ceiling = 16 + (Recommended.DistributionHighlightCeiling * 219);
        var web = Probe.MaxLuma(Export(ExportKind.Web));
        var master = Probe.MaxLuma(Export(ExportKind.Master));
        output.WriteLine($"peak luma: web {web}, master {master} (10-bit), ceiling {ceiling:0.0} (8-bit)");

        Assert.True(web <= ceiling + 3, $"web peak {web} above the ceiling {ceiling:0.0}");
        Assert.True(web < (master / 4.0) - 2, "the master keeps the graded whites; the web export rolls them off");
    }

    [Fact, Trait("Rule", RuleIds.QA05)]
    public void Stems_MeasureWithin1LuOfTheirTargets()
    {
        foreach (var stem in film.Result.Sound.Stems)
        {
            var measured = Ebur128.Integrated(stem.Path);
            output.WriteLine($"{stem.Name}: {measured:0.0} LUFS (target {stem.Target})");
            Assert.InRange(measured, stem.Target - Loudness.Tolerance, stem.Target + Loudness.Tolerance);
        }

        Assert.Contains(film.Result.Qa, q => q.Metric.Id == RuleIds.QA05 && q.Passes);
    }

    [Fact, Trait("Rule", RuleIds.QA05)]
    public void EveryExport_StaysUnderTheTruePeakCeiling()
    {
        foreach (var file in film.Result.Exports.Files)
        {
            var peak = Ebur128.TruePeak(file.Path);
            output.WriteLine($"{file.Kind}: true peak {peak:0.00} dBTP");
            Assert.True(peak <= Loudness.TruePeakCeiling, $"{file.Kind}: true peak {peak:0.00} dBTP over {Loudness.TruePeakCeiling} dBTP");
        }
    }

    [Fact]
    public void ScriptLockFileAndSettingsLog_AreArchivedNextToTheMaster()
    {
        var master = Path.GetDirectoryName(Export(ExportKind.Master))!;

        Assert.True(File.Exists(Path.Combine(master, "film.csx")));
        Assert.True(File.Exists(Path.Combine(master, "film.lock.json")));
        Assert.Contains("\"plan\"", File.ReadAllText(Path.Combine(master, "settings.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsLog_ReadsAsWritten_NotInEscapes()
    {
        // The report's copy: the whole log, the exports' codecs included.
        var settings = File.ReadAllText(Path.Combine(Path.GetDirectoryName(film.Result.ReportPath)!, "settings.json"));

        Assert.Contains("\"master: ProRes 422 HQ (prores_aw, yuv422p10le) + PCM 24-bit in .mov\"", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u002B", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsLogAndReport_NameTheBackendsThatMadeTheShots()
    {
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(Export(ExportKind.Master))!, "settings.json")))!["tools"]!;

        Assert.Equal("onnx-sd 1", (string?)settings["keyframes"]);
        Assert.Equal("svd 1", (string?)settings["animator"]);
        Assert.Contains("&quot;animator&quot;: &quot;svd 1&quot;", File.ReadAllText(film.Result.ReportPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_HasEverySection()
    {
        var html = File.ReadAllText(film.Result.ReportPath);

        foreach (var id in new[] { "checklist", "timeline", "contact", "mobile", "crops", "qa", "loudness", "colour", "exports", "settings" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("take B", html, StringComparison.Ordinal);
        Assert.Contains("Selection: A-seed1 kept over B: QA04 over-sharpness 0.5 vs 0.95 (noise 0.0005)", html, StringComparison.Ordinal);
        Assert.Contains(RuleIds.CF0701, html, StringComparison.Ordinal);
        Assert.Equal(4 + 1 + (4 * 5) + (4 * 2), Directory.GetFiles(Path.Combine(Path.GetDirectoryName(film.Result.ReportPath)!, "img")).Length);
    }

    [SkippableFact]
    public void Report_LoadsInHeadlessChromiumWithoutErrors()
    {
        Skip.If(Chromium.Executable is null, "chromium is not installed (apt-get install chromium)");

        var dom = Chromium.DumpDom(film.Result.ReportPath);

        var check = Regex.Match(dom, "data-render-check=\"([^\"]*)\"");
        var errors = Regex.Match(dom, "data-render-errors=\"([^\"]*)\"").Groups[1].Value;
        Assert.True(check.Success, "the page's load handler did not run");
        Assert.True(check.Groups[1].Value == "ok", "render errors: " + errors);
        // Five takes' stills, five 200% crops and a 16:9 and a 9:16 frame for each of the four shots.
        Assert.Equal("33", Regex.Match(dom, "data-images=\"([0-9]+)\"").Groups[1].Value);
    }

    [SkippableFact]
    public void Report_ShowsEveryShotsNineBySixteenFrameBesideItsSixteenByNine_InHeadlessChromium()
    {
        Skip.If(Chromium.Executable is null, "chromium is not installed (apt-get install chromium)");
        var report = Path.GetDirectoryName(film.Result.ReportPath)!;
        var html = File.ReadAllText(film.Result.ReportPath);
        foreach (var (entry, i) in film.Result.Edit.Timeline.Entries.Select((e, i) => (e, i)))
        {
            var wide = Probe.ImageSize(Path.Combine(report, "img", $"{i:00}-{entry.Shot.Name}-16x9.jpg"));
            var tall = Probe.ImageSize(Path.Combine(report, "img", $"{i:00}-{entry.Shot.Name}-9x16.jpg"));
            Assert.Equal(16.0 / 9, (double)wide.Width / wide.Height, 1);
            Assert.Equal(9.0 / 16, (double)tall.Width / tall.Height, 1);
            Assert.Contains($"img/{i:00}-{entry.Shot.Name}-9x16.jpg", html, StringComparison.Ordinal);
        }

        // The page from the top down to past the 16:9 and 9:16 section (a fragment URL scrolls headless chromium to a blank view).
        var screenshot = film.Media.PathOf("report-mobile.png");
        Chromium.Screenshot(new Uri(film.Result.ReportPath).AbsoluteUri, screenshot, 1280, 5000);

        var shot = Probe.ImageSize(screenshot);
        output.WriteLine($"screenshot of the report down to its 16:9 and 9:16 frames: {screenshot} ({shot.Width}x{shot.Height}, {new FileInfo(screenshot).Length} bytes)");
        Assert.Equal((1280, 5000), (shot.Width, shot.Height));
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot is blank");
        var kept = Environment.GetEnvironmentVariable("CINEFORGE_SCREENSHOTS");
        if (!string.IsNullOrEmpty(kept))
        {
            File.Copy(screenshot, Path.Combine(kept, "report-mobile.png"), overwrite: true);
        }
    }

    [Fact]
    public void Checklist_IsFilledFromMeasurements()
    {
        var checklist = MeasuredChecklist.Of(film.Film, film.Result.Qa);

        Assert.Equal(Validation.ChecklistState.Met, checklist.Single(c => c.Key == "sound").State);
        Assert.Equal(Validation.ChecklistState.Met, checklist.Single(c => c.Key == "mobile").State);
    }

    [Fact]
    public void Rerun_ReusesEveryStageAndReplacesItsOwnExports()
    {
        var master = Export(ExportKind.Master);
        var workFiles = Directory.GetFiles(Path.Combine(film.Request.OutputDirectory, ".work"), "*", SearchOption.AllDirectories).Length;

        var again = new FinishingPipeline().Run(film.Request);

        Assert.Equal(workFiles, Directory.GetFiles(Path.Combine(film.Request.OutputDirectory, ".work"), "*", SearchOption.AllDirectories).Length);
        Assert.True(File.Exists(master));
        Assert.Equal(film.Result.Grade.Cluts, again.Grade.Cluts);
        Assert.False(again.Edit.Samples.Decoded, "the rerun decoded the takes again");
    }

    [Fact]
    public void Rerun_CopiesStoredExports_InsteadOfEncodingThemAgain()
    {
        var request = film.Request with { OutputDirectory = film.Media.PathOf("out-reuse") };
        var first = new FinishingPipeline().Run(request);
        var stored = Directory.GetFiles(Path.Combine(request.OutputDirectory, ".work"), "*-web.export.mp4", SearchOption.AllDirectories).Single();

        // Another valid file in the stored web export's place: a rerun that publishes it did not encode.
        var mobile = first.Exports.Files.Single(f => f.Kind == ExportKind.Mobile).Path;
        File.Copy(mobile, stored, overwrite: true);
        var again = new FinishingPipeline().Run(request);

        var web = again.Exports.Files.Single(f => f.Kind == ExportKind.Web).Path;
        Assert.True(File.ReadAllBytes(mobile).AsSpan().SequenceEqual(File.ReadAllBytes(web)), "the rerun encoded the web export again instead of copying the stored one");
    }

    [Fact]
    public void Rerun_ReadsStoredMeasurements_InsteadOfDecodingFramesAgain()
    {
        var request = film.Request with { OutputDirectory = film.Media.PathOf("out-measure") };
        var first = new FinishingPipeline().Run(request);
        var stored = Directory.GetFiles(Path.Combine(request.OutputDirectory, ".work"), "*.edit.json", SearchOption.AllDirectories);
        Assert.Equal(first.Edit.Timeline.Entries.Count, stored.Length);

        // A stored measurement with a value no decode gives: a rerun that reports it did not decode.
        foreach (var file in stored)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
            node["MeanLuma"] = 0.123456789;
            File.WriteAllText(file, node.ToJsonString());
        }

        var again = new FinishingPipeline().Run(request);

        Assert.All(again.Edit.Statistics, s => Assert.Equal(0.123456789, s.MeanLuma));
        Assert.False(again.Edit.Samples.Decoded, "the rerun decoded the takes again");
        Assert.Equal(first.Grade.Stills, again.Grade.Stills);
    }

    [Fact]
    public void SameFilmInAnotherFolder_GivesTheSameExportBytes()
    {
        var other = film.Request with { OutputDirectory = film.Media.PathOf("out-again") };

        var again = new FinishingPipeline().Run(other);

        foreach (var file in film.Result.Exports.Files)
        {
            var twin = again.Exports.Files.Single(f => f.Kind == file.Kind);
            Assert.True(File.ReadAllBytes(file.Path).AsSpan().SequenceEqual(File.ReadAllBytes(twin.Path)), $"{file.Kind} export differs between two runs");
        }
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
