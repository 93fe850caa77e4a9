using CineForge.Finishing.Edit;
using CineForge.Rules;
using CineForge.Runtime.Stages.Select.Qa;

namespace CineForge.Finishing.Tests.Qa;

/// <summary>QA10 across a character's shots, where the render's face recognizer measured them (a model backend's takes carry their mean face).</summary>
public sealed class FaceAcrossShotsTests
{
    private static readonly Character Mara = Character.Sheet("Mara").Face("dark hair").Wardrobe("ochre shirt").Seed(1);

    [Fact]
    public void EachCharacter_GetsTheLargestDistanceBetweenItsShotsMeanFaces()
    {
        float[] a = [1, 0, 0], b = FaceEmbeddings.Normalize([1, 1, 0]);
        var film = Film.Titled("Faces").Cast(Mara)
            .Shot(Shot.TightPortrait(Mara).Named("one").Mission(Beat.Setup).Duration(2).Seed(1))
            .Shot(Shot.ObjectDetail("cup").Named("cup").Mission(Beat.Tension).Duration(2).Seed(2))
            .Shot(Shot.TightPortrait(Mara).Named("two").Mission(Beat.Decision).Duration(2).Seed(3));
        var faces = new Dictionary<string, float[]?> { ["one"] = a, ["cup"] = null, ["two"] = b };
        var selections = film.Shots.Select(s => new ShotSelection(s.Name, new TakeClip("A", s.Name + ".mp4", new Dictionary<string, double>()) { Face = faces[s.Name] })).ToList();
        var timeline = Timeline.Plan(film, selections, new FrameSize(64, 36));

        var result = Assert.Single(FinishingPipeline.FaceAcrossShots(timeline));

        Assert.Equal(RuleIds.QA10, result.Metric.Id);
        Assert.Equal("Mara across shots", result.Scope);
        Assert.Equal(Math.Round(FaceEmbeddings.Distance(a, b), 4), result.Value);
        Assert.Equal("finishing", result.Source);
    }

    [Fact]
    public void PrevizTakes_CarryNoRecognizedFace_AndGetNoAcrossShotsValue()
    {
        var film = Film.Titled("Faces").Cast(Mara)
            .Shot(Shot.TightPortrait(Mara).Named("one").Mission(Beat.Setup).Duration(2).Seed(1))
            .Shot(Shot.TightPortrait(Mara).Named("two").Mission(Beat.Decision).Duration(2).Seed(3));
        var selections = film.Shots.Select(s => new ShotSelection(s.Name, new TakeClip("A", s.Name + ".mp4", new Dictionary<string, double>()))).ToList();

        Assert.Empty(FinishingPipeline.FaceAcrossShots(Timeline.Plan(film, selections, new FrameSize(64, 36))));
    }
}
