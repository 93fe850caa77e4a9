// The method's production scenario: a local 30-second ad for a cosmetic product.
// Brief: cosmetic product, target 25-35, fast confidence promise, natural premium tone.
// Breakdown: product texture hook, real use, result, visual CTA.
#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;

var mara = Character.Sheet("Mara")
    .Face("early thirties, freckles, dark curly hair tied back, tired eyes")
    .Wardrobe("ochre linen shirt over navy nurse scrubs")
    .Seed(1207);

// The product, locked like the cast: every shot that shows it says these words, and the previz draws this bottle.
var serum = Product.Sheet("Serum")
    .Material("amber glass")
    .Colour("amber")
    .Shape("dropper bottle")
    .Label("cream paper label, black serif type")
    .Finish("polished")
    .Highlight("one soft vertical reflection on the window side")
    .Seed(2024);

return Film.Titled("Morning Serum")
    .Logline("A tired nurse finds thirty seconds of calm before her shift.")
    .Format(Format.Ad(cta: "Tonight, try it."))
    .Arc("exhausted", "attentive", "calm", "confident")
    .Brief(b => b.Subject("a night-shift nurse and a facial serum").Emotion("exhaustion turning into calm confidence")
        .Place("small apartment kitchen with a frosted window").Time(TimeOfDay.Morning).Weather(Weather.Overcast)
        .ShotType(ShotType.TightPortrait).FocalLength(50).CameraMovement(Camera.Static)
        .Palette("ochre, cream, teal shadows").Texture("natural skin, frosted glass, fine film grain")
        .Prohibition("plastic skin").Role("show the serum giving back thirty calm seconds"))
    .Intention(i => i.Feels("worn out, then quietly restored").ViewerUnderstands("the serum fits into a rushed morning")
        .DominantLight("low warm window light from camera left").PlausibleCamera("almost fixed, slow push-ins")
        .EmotionalDetail("the serum drop catching the window light"))
    .Charter(c => c.Light(LightDirection.Left, "low warm window light")
        .Texture("natural skin, fine film grain")
        .Palette("ochre, teal shadows")
        .Prohibit("lens flare", "on-screen text", "glossy beauty retouching"))
    .Cast(mara)
    .Products(serum)
    .Shot(Shot.ObjectDetail(serum).Action("a drop falling onto frosted glass").Named("serum-drop")
        .Mission(Beat.Setup, "product texture hook").Duration(4).Motion(0.28).Camera(Camera.PushIn).Seed(42)
        .Variant("B", v => v.Seed(43)))
    .Shot(Shot.ObjectDetail(serum).Action("a fingertip spreading a clear drop on the back of a hand").Named("texture")
        .Mission(Beat.Setup, "product texture hook").Duration(4).Motion(0.3).Camera(Camera.Static).Seed(57))
    .Shot(Shot.TightPortrait(mara).Named("tired-mirror").Mission(Beat.Tension, "real use: the night shows on her face")
        .Feels("exhausted").Gaze(GazeAxis.Left).Duration(4).Motion(0.35).Camera(Camera.Static).Seed(7)
        .Variant("B", v => v.Motion(0.32)))
    .Shot(Shot.MediumAction(mara, serum, "presses two drops onto her cheekbones").Named("applies-serum")
        .Mission(Beat.Decision, "real use: she takes the minute for herself").Gaze(GazeAxis.Left)
        .Duration(5).Motion(0.42).Camera(Camera.Drift).Seed(88).Correct(0.3, "fingers"))
    .Shot(Shot.TightPortrait(mara).Named("skin-light").Mission(Beat.Consequence, "result: her skin catches the light")
        .Feels("calm").Gaze(GazeAxis.Left).Duration(4).Motion(0.32).Camera(Camera.PushIn).Seed(9))
    .Shot(Shot.WideAmbience("sunlit kitchen, kettle steaming", mara).Named("kitchen-calm")
        .Mission(Beat.Consequence, "result: thirty calm seconds before the shift")
        .Duration(5).Motion(0.3).Camera(Camera.PanRight).Seed(314))
    .Shot(Shot.ObjectDetail(serum).Action("on the windowsill beside a nurse badge").Named("cta-bottle")
        .Mission(Beat.CallToAction, "visual CTA: Tonight, try it.").Duration(4).Motion(0.22).Camera(Camera.Static).Seed(2024))
    .Grade(g => g.Exposure(+0.2).SoftContrast(0.15).SecondarySkin(0.4).Harmonize().Lut("looks/warm-morning.cube", 0.3).Grain(0.04))
    .Sound(s => s.RoomTone().Effect("assets/glass-tap.wav", at: 1.2, lufs: -16).Effect("assets/cap-click.wav", at: 26.5, lufs: -17))
    .Export(e => e.Master().Web().Mobile());
