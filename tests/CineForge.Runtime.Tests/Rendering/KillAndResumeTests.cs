using System.Diagnostics;
using CineForge.Runtime.Cache;
using CineForge.Serialization;
using Xunit.Abstractions;

namespace CineForge.Runtime.Tests.Rendering;

/// <summary>A render process killed in the middle of a shot resumes and ends with the bytes of an uninterrupted render.</summary>
public sealed class KillAndResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledMidShot_ResumesToTheSameBytesAsACleanRender()
    {
        using var clean = new TempFolder();
        using var resumed = new TempFolder();
        var film = TestFilms.Short();
        var plan = Path.Combine(resumed.Path, "film.json");
        await File.WriteAllTextAsync(plan, FilmJson.Serialize(film));
        var reference = await new FilmRenderer().RenderAsync(film, TestFilms.Options(clean.Path));

        // Kill the host while it animates the second shot, a third of the way in.
        var output1 = Path.Combine(resumed.Path, "out");
        var cache = Path.Combine(resumed.Path, "cache");
        using (var host = StartHost(plan, output1, cache))
        {
            string? line;
            while ((line = await host.StandardOutput.ReadLineAsync()) is not null)
            {
                if (line.StartsWith("2 street A-seed12 Animate ", StringComparison.Ordinal) && int.Parse(line.Split(' ')[^1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture) >= 24)
                {
                    host.Kill(entireProcessTree: true);
                    break;
                }
            }

            await host.WaitForExitAsync();
            Assert.True(line is not null, "the host ended before the second shot: " + await host.StandardError.ReadToEndAsync());
            output.WriteLine("killed at: " + line);
        }

        var filmFolder = Path.Combine(output1, FilmRenderer.FolderName(film));
        Assert.True(File.Exists(Path.Combine(filmFolder, "01-waiting", "A-seed11.mp4")));
        Assert.False(File.Exists(Path.Combine(filmFolder, "02-street", "A-seed12.mp4")));

        using (var host = StartHost(plan, output1, cache))
        {
            var log = await host.StandardOutput.ReadToEndAsync();
            await host.WaitForExitAsync();
            Assert.True(host.ExitCode == 0, log + await host.StandardError.ReadToEndAsync());
            Assert.DoesNotContain("1 waiting A-seed11 Animate", log, StringComparison.Ordinal);
        }

        // The resumed render removed what the killed one was writing when it died, not an hour later.
        Assert.Empty(Directory.EnumerateFiles(resumed.Path, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories));

        foreach (var shot in reference.Shots)
        {
            foreach (var file in Directory.EnumerateFiles(shot.Directory))
            {
                var twin = Path.Combine(filmFolder, Path.GetFileName(shot.Directory), Path.GetFileName(file));
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)), $"{twin} differs from the clean render");
            }
        }

        Assert.Equal(File.ReadAllText(reference.LockFile), File.ReadAllText(Path.Combine(filmFolder, "film.lock.json")));
    }

    private static Process StartHost(string plan, string outputFolder, string cache)
    {
        var host = Path.Combine(TestFilms.RepositoryRoot, "tests", "CineForge.Runtime.TestHost", "bin", Configuration(), "net10.0", "CineForge.Runtime.TestHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { host, plan, outputFolder, $"{TestFilms.Small.Width}x{TestFilms.Small.Height}", cache })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    private static string Configuration() => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
