using System.Security.Cryptography;
using System.Text;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;

namespace CineForge.Runtime.Tests.Stages.Keyframe;

/// <summary>
/// The previz pixels are pinned: SHA-256 of every example keyframe's RGB bytes. The same hashes on
/// every machine and .NET build is the determinism promise; a deliberate change to the generator
/// bumps its version and is re-approved (CINEFORGE_APPROVE=1) with a reviewed diff.
/// </summary>
public sealed class PrevizGoldenTests
{
    [Fact]
    public void ExampleKeyframes_MatchApprovedPixelHashes()
    {
        var generator = new PrevizKeyframeGenerator();
        var text = new StringBuilder();
        text.AppendLine($"# {generator.Identity}, {TestFilms.Small} frames: SHA-256 of the RGB bytes (with overscan)");
        foreach (var film in new[] { TestFilms.CosmeticAd(), TestFilms.Short() })
        {
            for (var i = 0; i < film.Shots.Count; i++)
            {
                foreach (var take in ShotTake.Of(film.Shots[i], i + 1, 2))
                {
                    var scene = ScenePlan.Resolve(film, take, TestFilms.Small.Width, TestFilms.Small.Height);
                    var keyframe = generator.Generate(new KeyframeRequest(scene, string.Empty, take.Shot.Keyframe, take.Seed), default);
                    text.AppendLine($"{film.Title} #{i + 1} {take.Shot.Name} {take.FileStem}: {Convert.ToHexStringLower(SHA256.HashData(keyframe.Image.Pixels))}");
                }
            }
        }

        var approved = Path.Combine(TestFilms.RepositoryRoot, "tests", "CineForge.Runtime.Tests", "Approved", "previz-keyframes.txt");
        if (Environment.GetEnvironmentVariable("CINEFORGE_APPROVE") == "1")
        {
            File.WriteAllText(approved, text.ToString());
        }

        Assert.Equal(File.ReadAllText(approved).Replace("\r\n", "\n"), text.ToString().Replace("\r\n", "\n"));
    }
}
