// Two cuts of one film, declared in one script: each is checked.
#r "nuget: CineForge.Sdk, 0.1.0"
#load "../loads-cast/cast.csx"
using CineForge;

Film Cut(string title, double lastShot) => Film.Titled(title)
    .Shot(Shot.ObjectDetail("amber glass bottle").Mission(Beat.Setup).Duration(3).Seed(1))
    .Shot(Shot.TightPortrait(Mara).Mission(Beat.Tension).Duration(lastShot).Seed(2));

Films.Run(Film.Titled("Teaser")
    .Shot(Shot.ObjectDetail("amber glass bottle").Mission(Beat.Setup).Duration(7).Seed(1)));
return new[] { Cut("Long Cut", 3.5), Cut("Short Cut", 3) };
