#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;

var shot = Shot.ObjectDetail("glass").Seed(1);
