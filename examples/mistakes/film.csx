// Every beginner mistake at once, on purpose: `cineforge check` must flag each of them.
// The expected diagnostics are pinned in expected.txt.
#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;

var sam = Character.Sheet("Sam").Face("forties, beard");   // no wardrobe, no seed, not in the cast

return Film.Titled("Everything Wrong")
    .Format(Format.Ad(cta: "Buy now."))                     // an ad with no CTA shot and no product sheet
    .Shot(Shot.TightPortrait(sam)                           // no mission, no seed
        .Duration(12)                                       // generating too long
        .Fps(30)
        .Motion(0.9)                                        // a demonstrative camera
        .Camera(Camera.Handheld)                            // fights a tight portrait
        .Wearing("red tuxedo")                              // overrides the locked wardrobe
        .Keyframe(k => k.Resolution(1280, 720).Steps(80).Cfg(12).Sampler(Sampler.EulerAncestral))
        .Correct(0.7).Correct(0.6).Correct(0.5)             // saving a mediocre shot
        .Variant("B", v => v.Seed(2).Motion(0.5))           // two variables at once
        .Variant("C", v => v.Seed(3)))                      // more than A and B
    .Shot(Shot.WideAmbience("neon city street").Seed(9).Mission(Beat.Setup)
        .Camera(Camera.Tracking).TemporalConsistency(Level.Medium).Noise(Level.High))
    .Grade(g => g.Look("social preset", 0.9).Sharpen(0.5).Grain(0.3).Exposure(0.5).SoftContrast(0.4))
    .Sound(s => s.Ambience("assets/street.wav", lufs: -12).Effect("assets/boom.wav", at: 1, lufs: -6).Music("assets/track.wav", lufs: -8))
    .Export(e => e.Web(headroom: false));
