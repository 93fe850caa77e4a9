#r "nuget: CineForge.Sdk, 0.1.0"
#load "cast.csx"
using CineForge;

return Film.Titled("Cycle");
