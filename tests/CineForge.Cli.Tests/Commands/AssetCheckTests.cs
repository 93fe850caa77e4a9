using CineForge.Rules;
using CineForge.Runtime.Media;

namespace CineForge.Cli.Tests.Commands;

/// <summary>
/// Every asset a film names is opened and probed by <c>check</c> and before a render: one case per
/// asset kind and fault, each with its rule, the file named in the message, the line that names it,
/// the exit code, and nothing written.
/// </summary>
public sealed class AssetCheckTests : IDisposable
{
    private const string Sound = "assets/cap-click.wav";
    private const string Lut = "looks/warm-morning.cube";

    private readonly TempFolder temp = new();

    public AssetCheckTests()
    {
        var example = Repo.PathOf("examples", "cosmetic-ad");
        // The film and its assets; not a render a developer made in the example's default output folder.
        foreach (var file in Directory.GetFiles(example, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(example, f).StartsWith("render" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            var copy = temp.Combine(Path.GetRelativePath(example, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories))
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        temp.Dispose();
    }

    public static TheoryData<string, string, string> Faults() => new()
    {
        { Sound, "missing", "does not exist" },
        { Sound, "empty", "is empty" },
        { Sound, "truncated", "lasts 0.001 s, under the 0.1 s it needs" },
        { Sound, "garbage", "FFmpeg cannot read as audio" },
        { Sound, "video", "holds no audio stream" },
        { Lut, "missing", "does not exist" },
        { Lut, "empty", "is empty" },
        { Lut, "truncated", "is not a valid 3D .cube LUT" },
        { Lut, "garbage", "is not a valid 3D .cube LUT" },
        { Lut, "video", "is not a valid 3D .cube LUT" },
    };

    [Theory, MemberData(nameof(Faults))]
    public async Task Check_ReportsTheFaultUnderItsRule_AtTheLineThatNamesTheFile(string asset, string fault, string says)
    {
        Break(asset, fault);
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(["check", "--no-cache", "--no-progress", temp.Combine("film.csx")]);

        var rule = asset == Lut ? RuleIds.CF0607 : RuleIds.CF0705;
        Assert.Equal(ExitCodes.FilmErrors, exitCode);
        var line = Assert.Single(cli.Lines, l => l.Contains(rule, StringComparison.Ordinal));
        var named = File.ReadAllLines(temp.Combine("film.csx")).Select((text, i) => (text, i)).First(l => l.text.Contains('"' + asset + '"', StringComparison.Ordinal));
        Assert.Contains($"film.csx({named.i + 1},{named.text.IndexOf('"' + asset + '"', StringComparison.Ordinal) + 1}): error {rule}: ", line, StringComparison.Ordinal);
        Assert.Contains($"'{asset}'", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Check_ReportsAnUnreadableSound()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.UserName == "root", "root reads files whatever their mode (and Windows has no Unix mode): an unreadable file cannot be made here");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp.Combine(Sound), UnixFileMode.None);
        }

        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(["check", "--no-cache", "--no-progress", temp.Combine("film.csx")]);

        Assert.Equal(ExitCodes.FilmErrors, exitCode);
        Assert.Contains(cli.Lines, l => l.Contains(RuleIds.CF0705, StringComparison.Ordinal) && l.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_StopsBeforeAnyWork_OnABrokenAsset()
    {
        Break(Lut, "truncated");
        var cli = new TestCli();
        var output = temp.Combine("render");

        var exitCode = await cli.Cli.InvokeAsync(["render", "--no-cache", "--no-progress", temp.Combine("film.csx"), "--out", output]);

        Assert.Equal(ExitCodes.FilmErrors, exitCode);
        Assert.Contains(cli.Lines, l => l.Contains(RuleIds.CF0607, StringComparison.Ordinal) && l.Contains(Lut, StringComparison.Ordinal));
        Assert.Contains(cli.Lines, l => l.Contains("nothing was rendered", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output), "the render wrote before its inputs were checked");
    }

    [Fact]
    public async Task Check_OfTheIntactExample_FindsNoAssetProblem()
    {
        var cli = new TestCli();

        await cli.Cli.InvokeAsync(["check", "--no-cache", "--no-progress", temp.Combine("film.csx")]);

        Assert.DoesNotContain(cli.Lines, l => l.Contains(RuleIds.CF0705, StringComparison.Ordinal) || l.Contains(RuleIds.CF0607, StringComparison.Ordinal));
    }

    private void Break(string asset, string fault)
    {
        var path = temp.Combine(asset);
        switch (fault)
        {
            case "missing":
                File.Delete(path);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "truncated":
                // A WAV's 44-byte header and 28 samples; a .cube's size line and one row of eight.
                File.WriteAllBytes(path, File.ReadAllBytes(path)[..(asset == Lut ? 200 : 100)]);
                break;
            case "garbage":
                File.WriteAllText(path, "this is not what the film says it is\n");
                break;
            case "video":
                File.Delete(path);
                FfmpegTool.Default.Run(["-f", "lavfi", "-i", "testsrc2=size=64x36:rate=24:duration=0.5", "-c:v", "libx264", "-f", "mp4", path], "a video in the asset's place");
                break;
        }
    }
}
