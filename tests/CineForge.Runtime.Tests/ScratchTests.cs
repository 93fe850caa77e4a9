using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Keyframe.Previz;

namespace CineForge.Runtime.Tests;

public sealed class ScratchTests
{
    [Fact]
    public void DumpKeyframes()
    {
        foreach (var film in new[] { TestFilms.CosmeticAd(), TestFilms.Short() })
        {
            var i = 0;
            foreach (var shot in film.Shots)
            {
                i++;
                var take = ShotTake.Of(shot, i, 2)[0];
                var scene = ScenePlan.Resolve(film, take, 480, 270);
                var kf = new PrevizKeyframeGenerator().Generate(new KeyframeRequest(scene, "", shot.Keyframe, take.Seed), default);
                using var f = File.Create($"/tmp/kf/{film.Title.Replace(' ', '_')}-{i}.png");
                PngCodec.Write(kf.Image, f);
            }
        }
    }
}
