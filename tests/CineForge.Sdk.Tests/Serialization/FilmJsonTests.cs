using System.Text.Json;
using CineForge.Serialization;

namespace CineForge.Tests.Serialization;

public sealed class FilmJsonTests
{
    [Fact]
    public void RoundTrip_IsLossless()
    {
        var film = TestFilms.Clean().WithShot(1, s => s.Variant("B", v => v.Seed(3)).Correct(0.3, "eyes").Light(LightDirection.Left));

        var back = FilmJson.Deserialize(film.ToJson());

        Assert.Equal(film, back);
    }

    [Fact]
    public void SamePlan_GivesTheSameBytes()
    {
        Assert.Equal(TestFilms.Clean().ToJson(), TestFilms.Clean().ToJson());
        Assert.Equal(TestFilms.Clean().ToJson(), FilmJson.Deserialize(TestFilms.Clean().ToJson()).ToJson());
    }

    [Fact]
    public void Json_WritesResolvedDefaultsFromPresets()
    {
        using var doc = JsonDocument.Parse(Film.Titled("t").Shot(Shot.ObjectDetail("key")).ToJson());
        var shot = doc.RootElement.GetProperty("shots")[0];

        Assert.Equal(3, shot.GetProperty("duration").GetDouble());
        Assert.Equal(0.28, shot.GetProperty("motion").GetDouble());
        Assert.Equal("PushIn", shot.GetProperty("camera").GetString());
        Assert.Equal(24, shot.GetProperty("fps").GetInt32());
        Assert.Equal(36, shot.GetProperty("keyframe").GetProperty("steps").GetInt32());
        Assert.Equal("DpmPlusPlus2MKarras", shot.GetProperty("keyframe").GetProperty("sampler").GetString());
        Assert.False(shot.TryGetProperty("spec", out _));
    }

    [Fact]
    public void CleanFilmJson_IsPinned()
    {
        Approval.Verify("clean-film.json", TestFilms.Clean().ToJson());
    }

    [Fact]
    public void UnknownProperty_IsRejected()
    {
        Assert.Throws<JsonException>(() => FilmJson.Deserialize("{\"title\":\"t\",\"colour\":\"red\"}"));
    }
}
