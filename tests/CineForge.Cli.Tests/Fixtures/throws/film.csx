#r "nuget: CineForge.Sdk, 0.1.0"
using CineForge;

var drop = Shot.ObjectDetail("serum drop").Duration(-2);
return Film.Titled("Throws").Shot(drop);
