using CineForge.Finishing.Export;

namespace CineForge.Finishing.Tests.Export;

public sealed class ExportFolderTests : IDisposable
{
    private readonly Synthetic media = new();

    public void Dispose() => media.Dispose();

    [Fact]
    public void FolderWithForeignFiles_IsRefusedAndLeftUntouched()
    {
        var path = media.PathOf("exports");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "holiday.mov"), "someone's film");
        var folder = new ExportFolder(path);

        var error = Assert.Throws<FinishingException>(folder.EnsureReplaceable);

        Assert.Contains("holiday.mov", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written or deleted", error.Message, StringComparison.Ordinal);
        Assert.Equal("someone's film", File.ReadAllText(Path.Combine(path, "holiday.mov")));
    }

    [Fact]
    public void PublishedFolder_IsReplacedByTheNextPublish()
    {
        var folder = new ExportFolder(media.PathOf("exports"));
        var first = folder.CreateStaging();
        File.WriteAllText(Path.Combine(first, "one.mp4"), "1");
        folder.Publish(first);
        var second = folder.CreateStaging();
        File.WriteAllText(Path.Combine(second, "two.mp4"), "2");

        folder.EnsureReplaceable();
        folder.Publish(second);

        Assert.False(File.Exists(Path.Combine(folder.Path, "one.mp4")));
        Assert.Equal("2", File.ReadAllText(Path.Combine(folder.Path, "two.mp4")));
        Assert.Single(Directory.GetDirectories(media.Root));
    }

    [Fact]
    public void PipelineIntoAForeignFolder_FailsBeforeAnyWork()
    {
        var path = media.PathOf("out/exports");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "notes.txt"), "keep me");
        var request = new FinishingRequest
        {
            Film = TestFilms.Shots(1).Export(e => e.Master()),
            Selections = new[] { TestFilms.Take("s0", media.Clip("a", 1)) },
            FilmDirectory = media.Root,
            OutputDirectory = media.PathOf("out"),
        };

        var error = Assert.Throws<FinishingException>(() => new FinishingPipeline().Run(request));

        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(path, "notes.txt")));
        Assert.False(Directory.Exists(media.PathOf("out/.work")));
    }
}
