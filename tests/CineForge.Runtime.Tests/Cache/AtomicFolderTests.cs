using CineForge.Runtime.Cache;

namespace CineForge.Runtime.Tests.Cache;

/// <summary>The staged folder swap and the sweep of what a dead render left of it.</summary>
public sealed class AtomicFolderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Sweep_RemovesStagingAndSetAsideFolders_AndNothingElse()
    {
        var exports = Path.Combine(folder.Path, "exports");
        var leftovers = new[] { AtomicFolder.CreateStaging(exports), AtomicFolder.CreateStaging(Path.Combine(folder.Path, "report")), exports + ".old-0a1b2c3d" };
        Directory.CreateDirectory(leftovers[2]);
        File.WriteAllText(Path.Combine(leftovers[0], "master.mov"), "half an export");
        var kept = new[] { exports, Path.Combine(folder.Path, "01-waiting"), Path.Combine(folder.Path, "notes.staging-mine"), Path.Combine(folder.Path, "exports.old") };
        foreach (var path in kept)
        {
            Directory.CreateDirectory(path);
        }

        File.WriteAllText(Path.Combine(folder.Path, "clip.staging-0a1b2c3d"), "a file, not a staging folder");

        Assert.Equal(3, AtomicFolder.Sweep(folder.Path));

        Assert.All(leftovers, path => Assert.False(Directory.Exists(path), path));
        Assert.All(kept, path => Assert.True(Directory.Exists(path), path));
        Assert.True(File.Exists(Path.Combine(folder.Path, "clip.staging-0a1b2c3d")));
    }

    [Fact]
    public void Publish_ReplacesTheFolder_AndLeavesNothingBeside_It()
    {
        var report = Path.Combine(folder.Path, "report");
        foreach (var version in new[] { "1", "2" })
        {
            var staging = AtomicFolder.CreateStaging(report);
            File.WriteAllText(Path.Combine(staging, "index.html"), version);
            AtomicFolder.Publish(staging, report);
        }

        Assert.Equal("2", File.ReadAllText(Path.Combine(report, "index.html")));
        Assert.Equal(new[] { report }, Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Publish_OntoAFile_FailsNamingTheFolder()
    {
        var report = Path.Combine(folder.Path, "report");
        File.WriteAllText(report, "a file where the report folder goes");
        var staging = AtomicFolder.CreateStaging(report);

        var error = Assert.Throws<RenderException>(() => AtomicFolder.Publish(staging, report));

        Assert.Contains($"Could not replace {report}", error.Message, StringComparison.Ordinal);
        Assert.Equal("a file where the report folder goes", File.ReadAllText(report));
    }
}
