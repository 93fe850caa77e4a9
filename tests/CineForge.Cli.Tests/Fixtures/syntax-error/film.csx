#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;

return Film.Titled("Broken")
    .Shot(Shot.ObjectDetail("glass").Seed(1)
