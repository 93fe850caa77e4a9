#r "nuget: CineForge.Sdk, 0.1.0"
#r "nuget: Newtonsoft.Json, 13.0.3"
using CineForge;

return Film.Titled("Unknown Package");
