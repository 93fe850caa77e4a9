using System.Security.Cryptography;
using System.Text;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Animate;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;

namespace CineForge.Runtime.Tests.Stages.Animate;

/// <summary>
/// The animated pixels are pinned like the keyframes: SHA-256 of every frame of one take per camera
/// move. The animator may get faster; its bytes may not change without a version bump and a
/// reviewed re-approval (CINEFORGE_APPROVE=1).
/// </summary>
public sealed class PrevizAnimatorGoldenTests
{
    [Fact]
    public void EveryCameraMove_MatchesApprovedFrameHashes()
    {
        var film = TestFilms.CosmeticAd();
        var take = ShotTake.Of(film.Shots[2], 3, 1).Single();
        var (width, height) = (TestFilms.Small.Width * 2, TestFilms.Small.Height * 2);
        var keyframe = new PrevizKeyframeGenerator().Generate(new KeyframeRequest(ScenePlan.Resolve(film, take, width, height), string.Empty, take.Shot.Keyframe, take.Seed), default);
        var animator = new PrevizAnimator();
        var text = new StringBuilder();
        text.AppendLine($"# {animator.Identity}, {width}x{height}, 12 frames per move: SHA-256 of each frame's RGB bytes");
        foreach (var camera in Enum.GetValues<Camera>())
        {
            var path = new CameraPath(camera, 0.45, 12, 24, width, height, take.Seed);
            var hashes = new List<string>();
            animator.Animate(keyframe, new AnimationRequest(path, 24, 0.05, take.Seed), frame => hashes.Add(Convert.ToHexStringLower(SHA256.HashData(frame.Image.Pixels))[..16]), default);
            text.AppendLine($"{camera}: {string.Join(' ', hashes)}");
        }

        var approved = Path.Combine(TestFilms.RepositoryRoot, "tests", "CineForge.Runtime.Tests", "Approved", "previz-frames.txt");
        if (Environment.GetEnvironmentVariable("CINEFORGE_APPROVE") == "1")
        {
            File.WriteAllText(approved, text.ToString());
        }

        Assert.Equal(File.ReadAllText(approved).Replace("\r\n", "\n"), text.ToString().Replace("\r\n", "\n"));
    }
}
