// A film whose declaration throws: check reports the line that threw.
#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;
using System.Globalization;

// Read from a settings file in real life; here a bad value that the SDK rejects at run time.
var clip = Shot.ObjectDetail("serum drop").Seed(5).Mission(Beat.Setup).Duration(double.Parse("-2", CultureInfo.InvariantCulture));

var lead = Character.Sheet("Nora")
    .Face("late twenties, short auburn hair, calm grey eyes")
    .Wardrobe("dark green wool coat")
    .Seed(1101);

return Film.Titled("Throws")
    .Logline("A woman waiting for a late train decides to walk home instead.")
    .Arc("impatient", "hesitant", "free")
    .Brief(b => b.Subject("a woman on an empty station platform").Emotion("impatience turning into freedom")
        .Place("small railway platform at dusk").Time(TimeOfDay.Dusk).Weather(Weather.Clear)
        .ShotType(ShotType.TightPortrait).FocalLength(50).CameraMovement(Camera.Static)
        .Palette("dusk blue, sodium orange").Texture("cold air, fine film grain")
        .Prohibition("plastic skin").Role("a small choice that frees her"))
    .Intention(i => i.Feels("stuck, then free").ViewerUnderstands("she stops waiting")
        .DominantLight("low dusk light from camera right").PlausibleCamera("locked off, one slow pan")
        .EmotionalDetail("her breath in the cold air"))
    .Charter(c => c.Light(LightDirection.Right, "low dusk light")
        .Texture("fine film grain").Palette("dusk blue, sodium orange").Prohibit("lens flare", "on-screen text"))
    .Cast(lead)
    .Shot(Shot.WideAmbience("empty railway platform at dusk, departure board", lead).Named("platform")
        .Mission(Beat.Setup).Duration(4).Motion(0.3).Camera(Camera.Static).Seed(1))
    .Shot(Shot.TightPortrait(lead).Named("waiting").Mission(Beat.Tension).Feels("impatient")
        .Duration(3.5).Motion(0.33).Camera(Camera.Static).Seed(2))
    .Shot(Shot.MediumAction(lead, "turns away from the tracks and buttons her coat").Named("turns")
        .Mission(Beat.Decision).Duration(4.5).Motion(0.44).Camera(Camera.PanRight).Seed(3))
    .Shot(Shot.WideAmbience("a woman walking along a lit road beside the railway", lead).Named("walks")
        .Mission(Beat.Consequence).Duration(5).Motion(0.36).Camera(Camera.PanRight).Seed(4))
    .Grade(g => g.Exposure(0.1).SoftContrast(0.12).SecondarySkin().Harmonize().Grain(0.05))
    .Sound(s => s.RoomTone())
    .Export(e => e.Master().Web().Mobile());
