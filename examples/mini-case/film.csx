// The method's mini practical case, from brief to export in 45 minutes:
// a logline and a 4-shot shot list, decided fast.
#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;

var lena = Character.Sheet("Lena")
    .Face("mid twenties, short black hair, silver nose ring")
    .Wardrobe("yellow raincoat")
    .Seed(808);

return Film.Titled("Rain Check")
    .Logline("A cyclist caught in the rain chooses to ride home anyway.")
    .Arc("annoyed", "hesitant", "free")
    .Brief(b => b.Subject("a cyclist under a bus shelter").Emotion("annoyance turning into joy")
        .Place("city bus shelter on a wet avenue").Time(TimeOfDay.Afternoon).Weather(Weather.Rain)
        .ShotType(ShotType.MediumAction).FocalLength(35).CameraMovement(Camera.Static)
        .Palette("wet asphalt grey, raincoat yellow").Texture("rain streaks, wet skin, fine grain")
        .Prohibition("cartoon rain").Role("a small choice that frees her"))
    .Intention(i => i.Feels("stuck, then free").ViewerUnderstands("she stops waiting for the rain to end")
        .DominantLight("overcast sky from above, soft").PlausibleCamera("locked off, one slow pan")
        .EmotionalDetail("raindrops on the yellow hood"))
    .Charter(c => c.Light(LightDirection.Top, "soft overcast daylight").Texture("rain streaks, wet skin, fine grain")
        .Palette("grey, raincoat yellow").Prohibit("on-screen text", "lens flare"))
    .Cast(lena)
    .Shot(Shot.WideAmbience("bus shelter in heavy rain, bicycle leaning on it", lena).Named("shelter")
        .Mission(Beat.Setup).Duration(4).Motion(0.3).Camera(Camera.Static).Seed(1))
    .Shot(Shot.TightPortrait(lena).Named("waiting").Mission(Beat.Tension).Feels("annoyed")
        .Duration(3.5).Motion(0.33).Camera(Camera.Static).Seed(2))
    .Shot(Shot.MediumAction(lena, "pulls up her hood and grabs the handlebars").Named("hood-up")
        .Mission(Beat.Decision).Duration(4.5).Motion(0.44).Camera(Camera.PanRight).Seed(3))
    .Shot(Shot.WideAmbience("cyclist in a yellow raincoat riding down the wet avenue", lena).Named("rides")
        .Mission(Beat.Consequence).Duration(5).Motion(0.38).Camera(Camera.PanRight).Seed(4))
    .Grade(g => g.Exposure(0.1).SoftContrast(0.12).SecondarySkin().Harmonize().Grain(0.05))
    .Sound(s => s.RoomTone().Effect("assets/bike-bell.wav", at: 12.5, lufs: -16))
    .Export(e => e.Master().Web().Mobile());
