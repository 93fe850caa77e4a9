namespace CineForge.Tests;

/// <summary>Films for tests: one that follows the method everywhere, to break one rule at a time.</summary>
internal static class TestFilms
{
    public static readonly Character Ada = Character.Sheet("Ada").Face("forties, short grey hair").Wardrobe("green wool coat").Seed(11);

    /// <summary>A four-shot short with no diagnostic at all.</summary>
    public static Film Clean() => Film.Titled("Clean")
        .Logline("A woman waits for a letter and finally opens it.")
        .Arc("anxious", "relieved")
        .Brief(b => b.Subject("a woman and a letter").Emotion("anxiety, then relief").Place("hallway of an old flat")
            .Time(TimeOfDay.Morning).Weather(Weather.Overcast).ShotType(ShotType.TightPortrait).FocalLength(50)
            .CameraMovement(Camera.Static).Palette("green, cream").Texture("paper, wool, fine grain")
            .Prohibition("plastic skin").Role("one small relief"))
        .Intention(i => i.Feels("afraid of the news").ViewerUnderstands("the letter is good news")
            .DominantLight("window light from camera left").PlausibleCamera("almost fixed").EmotionalDetail("her thumb on the seal"))
        .Charter(c => c.Light(LightDirection.Left, "soft window light").Texture("fine grain").Palette("green, cream").Prohibit("lens flare"))
        .Cast(Ada)
        .Shot(Shot.WideAmbience("hallway with a letter on the mat", Ada).Named("hallway").Mission(Beat.Setup).Duration(4).Motion(0.3).Seed(1))
        .Shot(Shot.TightPortrait(Ada).Named("waits").Mission(Beat.Tension).Duration(3.5).Motion(0.35).Seed(2))
        .Shot(Shot.MediumAction(Ada, "tears the envelope open").Named("opens").Mission(Beat.Decision).Duration(4.5).Motion(0.42).Seed(3))
        .Shot(Shot.ObjectDetail("handwritten letter on cream paper").Named("letter").Mission(Beat.Consequence).Duration(3).Motion(0.3).Seed(4))
        .Grade(g => g.Exposure(0.1).SoftContrast(0.15).SecondarySkin().Harmonize().Grain(0.04))
        .Sound(s => s.RoomTone().Effect("assets/paper.wav", at: 12, lufs: -16))
        .Export(e => e.Master().Web().Mobile());

    /// <summary>The clean film with its shot at <paramref name="index"/> replaced by <paramref name="change"/> of it.</summary>
    public static Film WithShot(this Film film, int index, Func<Shot, Shot> change) => film with { Shots = film.Shots.SetItem(index, change(film.Shots[index])) };
}
