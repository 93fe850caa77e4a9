// The method's third scenario: "I want a dramatic short, I get a clip".
// A short arc in 3 blocks (setup / tension and decision / consequence), cut on intention,
// sound handled early.
#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;

var ilya = Character.Sheet("Ilya")
    .Face("late sixties, grey stubble, deep-set eyes, flat cap")
    .Wardrobe("worn charcoal wool coat, red scarf")
    .Seed(5150);

return Film.Titled("The Last Tram")
    .Logline("An old conductor decides whether to make his final run in the snow.")
    .Format(Format.Short())
    .Arc("resigned", "torn", "resolved", "at peace")
    .Brief(b => b.Subject("a retiring tram conductor on his last night").Emotion("quiet grief giving way to resolve")
        .Place("tram depot at the edge of a snowy city").Time(TimeOfDay.Night).Weather(Weather.Snow)
        .ShotType(ShotType.MediumAction).FocalLength(40).CameraMovement(Camera.Drift)
        .Palette("sodium orange, steel blue").Texture("wet metal, wool, soft film grain")
        .Prohibition("neon glow").Role("one decision, seen in three blocks"))
    .Intention(i => i.Feels("afraid the job was all he had").ViewerUnderstands("he chooses to drive one last time")
        .DominantLight("sodium street lamp from camera right").PlausibleCamera("slow drift, one push-in at the decision")
        .EmotionalDetail("his hand hesitating over the brass controller"))
    .Charter(c => c.Light(LightDirection.Right, "sodium street lamp through falling snow")
        .Texture("wet metal, wool, soft film grain")
        .Palette("sodium orange, steel blue")
        .Prohibit("neon glow", "on-screen text", "lens flare"))
    .Cast(ilya)
    // Block 1: setup
    .Shot(Shot.WideAmbience("empty tram depot under falling snow, one tram lit", ilya).Named("depot")
        .Mission(Beat.Setup, "the depot, the last lit tram").Duration(5).Motion(0.28).Camera(Camera.PushIn).Seed(11))
    .Shot(Shot.TightPortrait(ilya).Named("ilya-waits").Mission(Beat.Setup, "he is alone with it")
        .Feels("resigned").Gaze(GazeAxis.Right).Duration(3.5).Motion(0.32).Camera(Camera.Static).Seed(12))
    // Block 2: tension and decision
    .Shot(Shot.ObjectDetail("brass tram controller handle, worn smooth, snowflakes melting").Named("controller")
        .Mission(Beat.Tension, "the handle he has held for forty years").Duration(3).Motion(0.25).Camera(Camera.Static).Seed(13)
        .Variant("B", v => v.Seed(14)))
    .Shot(Shot.MediumAction(ilya, "lifts his hand towards the controller, stops").Named("hesitates")
        .Mission(Beat.Tension, "will he go").Gaze(GazeAxis.Down).Duration(4.5).Motion(0.4).Camera(Camera.Drift).Seed(15))
    .Shot(Shot.TightPortrait(ilya).Named("decides").Mission(Beat.Decision, "he decides")
        .Feels("resolved").Gaze(GazeAxis.Down).Duration(3).Motion(0.3).Camera(Camera.PushIn).Seed(16))
    // Block 3: consequence
    .Shot(Shot.MediumAction(ilya, "pushes the controller forward, the tram starts").Named("departs")
        .Mission(Beat.Consequence, "the tram moves").Gaze(GazeAxis.Right).Duration(4).Motion(0.42).Camera(Camera.Drift).Seed(17))
    .Shot(Shot.WideAmbience("lit tram gliding away into the snowy street", ilya).Named("into-the-night")
        .Mission(Beat.Consequence, "one last run").Duration(5).Motion(0.3).Camera(Camera.PullOut).Seed(18))
    .Grade(g => g.Exposure(-0.1).SoftContrast(0.2).SecondarySkin(0.3).Harmonize().Grain(0.05))
    .Sound(s => s.RoomTone().Effect("assets/bell.wav", at: 21.5, lufs: -15))
    .Export(e => e.Master().Web().Mobile());
