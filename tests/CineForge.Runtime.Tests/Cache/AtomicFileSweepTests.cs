using System.Diagnostics;
using CineForge.Runtime.Cache;

namespace CineForge.Runtime.Tests.Cache;

/// <summary>What <see cref="AtomicFile.Sweep"/> removes: a dead local writer's temporaries at once, the rest only when old, never a file it did not name.</summary>
public sealed class AtomicFileSweepTests : IDisposable
{
    private static readonly TimeSpan Old = AtomicFile.UncheckedWriterAge + TimeSpan.FromMinutes(5);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void DeadWriterOnThisHost_ItsFreshTemporaryIsRemovedAtOnce()
    {
        var temp = Temp("objects/ab/clip.mp4", new TempWriter(Processes.DeadId(), TempWriter.Current.Host));

        Assert.Equal(1, AtomicFile.Sweep(folder.Path));

        Assert.False(File.Exists(temp));
    }

    [Fact]
    public void LiveWriters_TheirTemporariesStay()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            var own = Temp("a.mp4", TempWriter.Current, age: Old);
            var other = Temp("b.mp4", new TempWriter(sleeper.Id, TempWriter.Current.Host));

            Assert.Equal(0, AtomicFile.Sweep(folder.Path));

            Assert.True(File.Exists(own), "this process's own temporary file was removed");
            Assert.True(File.Exists(other), "a live process's temporary file was removed");
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void WritersThatCannotBeChecked_TheirTemporariesGoOnlyOnceOld()
    {
        var dead = Processes.DeadId();
        var otherHostFresh = Temp("a.mp4", new TempWriter(dead, "render-node-7"));
        var noHostFresh = Temp("b.mp4", new TempWriter(dead, null));
        var otherHostOld = Temp("c.mp4", new TempWriter(dead, "render-node-7"), age: Old);
        var noHostOld = Temp("d.mp4", new TempWriter(dead, null), age: Old);

        Assert.Equal(2, AtomicFile.Sweep(folder.Path));

        Assert.True(File.Exists(otherHostFresh), "another host's fresh temporary was removed: its pid means nothing here");
        Assert.True(File.Exists(noHostFresh), "a fresh temporary without a host was removed");
        Assert.False(File.Exists(otherHostOld));
        Assert.False(File.Exists(noHostOld));
    }

    [Fact]
    public void FilesItDidNotName_AreNeverTouched()
    {
        var foreign = new[] { "notes.tmp", "clip.mp4.tmp", "clip.mp4.123-xyz.tmp", "clip.mp4" }.Select(name =>
        {
            var path = Path.Combine(folder.Path, name);
            File.WriteAllText(path, "someone's");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - Old);
            return path;
        }).ToList();

        Assert.Equal(0, AtomicFile.Sweep(folder.Path));

        Assert.All(foreign, path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void SweepTempsOf_RemovesOnlyThatFilesTemporaries_NotTheFolders()
    {
        var writer = new TempWriter(Processes.DeadId(), TempWriter.Current.Host);
        var lockTemp = Temp("film.lock.json", writer);
        var neighbour = Temp("other.json", writer);
        var nested = Temp("sub/film.lock.json", writer);

        Assert.Equal(1, AtomicFile.SweepTempsOf(Path.Combine(folder.Path, "film.lock.json")));

        Assert.False(File.Exists(lockTemp));
        Assert.True(File.Exists(neighbour));
        Assert.True(File.Exists(nested));
    }

    [Fact]
    public void TemporaryNames_RecordThisProcess()
    {
        string? seen = null;
        AtomicFile.Write(Path.Combine(folder.Path, "x.json"), temp =>
        {
            seen = Path.GetFileName(temp);
            File.WriteAllText(temp, "{}");
        });

        Assert.Equal(TempWriter.Current, TempWriter.FromTempName(seen!));
        Assert.StartsWith($"x.json.{Environment.ProcessId}-", seen, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThatCannotCreateItsFolder_FailsNamingThePath_AndLeavesNoTemporary()
    {
        File.WriteAllText(Path.Combine(folder.Path, "film"), "a file where a folder should be");
        var path = Path.Combine(folder.Path, "film", "render.json");

        var error = Assert.Throws<RenderException>(() => AtomicFile.WriteText(path, "{}"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories));
    }

    private string Temp(string relative, TempWriter writer, TimeSpan? age = null)
    {
        var path = AtomicFile.TempPath(Path.Combine(folder.Path, relative), writer);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "half a clip");
        if (age is { } old)
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - old);
        }

        return path;
    }
}
