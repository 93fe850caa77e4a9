using CineForge.Rules;

namespace CineForge.Finishing.Tests;

/// <summary>Small plans whose takes are synthetic clips.</summary>
internal static class TestFilms
{
    /// <summary>A film of <paramref name="durations"/>.Length object-detail shots named s0, s1, ... in setup → tension → decision → consequence order.</summary>
    public static Film Shots(params double[] durations)
    {
        var beats = new[] { Beat.Setup, Beat.Tension, Beat.Decision, Beat.Consequence, Beat.CallToAction };
        var film = Film.Titled("Synthetic").Charter(c => c.Light(LightDirection.Left, "window"));
        for (var i = 0; i < durations.Length; i++)
        {
            film = film.Shot(Shot.ObjectDetail("test pattern " + i).Named("s" + i).Mission(beats[Math.Min(i, beats.Length - 1)]).Duration(durations[i]).Motion(0.3).Seed(i + 1));
        }

        return film;
    }

    /// <summary>A subject track of <paramref name="frames"/> boxes in a <paramref name="width"/> x <paramref name="height"/> frame.</summary>
    public static CineForge.Runtime.Stages.Animate.SubjectTrack Track(int width, int height, int frames, Func<int, CineForge.Runtime.Stages.Keyframe.PixelBox> box) =>
        CineForge.Runtime.Stages.Animate.SubjectTrack.InFrame(width, height, Enumerable.Range(0, frames).Select(box).ToList());

    public static ShotSelection Take(string shot, string path, double qa04 = 0.5, CineForge.Runtime.Stages.Animate.SubjectTrack? subject = null) =>
        new(shot, new TakeClip("A", path, new Dictionary<string, double> { [RuleIds.QA04] = qa04 }) { Subject = subject });
}
