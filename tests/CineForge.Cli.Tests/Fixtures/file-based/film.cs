#:package CineForge.Sdk@0.1.0
using CineForge;

var film = Film.Titled("File Based")
    .Shot(Shot.ObjectDetail("amber glass bottle").Mission(Beat.Setup).Duration(6).Seed(1));

return Films.Run(film);
