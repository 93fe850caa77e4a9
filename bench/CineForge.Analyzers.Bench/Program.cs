// Build time (compile + emit) of a generated film, with and without the CineForge analyzers, in one process:
// the ratio is what the analyzers add to a build. Usage: dotnet run -c Release -- [shots] [rounds]
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CineForge;
using CineForge.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

var shots = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var only = args.Length > 2 ? args[2] : null;
var analyzers = CineForgeAnalyzers.All.Where(a => only is null || a.GetType().Name.StartsWith(only, StringComparison.Ordinal)).ToImmutableArray();
var source = GeneratedFilm(shots);
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Concat(new[] { typeof(Film).Assembly.Location, typeof(CineForge.Rules.RuleCatalog).Assembly.Location })
    .Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

CSharpCompilation Compile() => CSharpCompilation.Create("film", new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

// A build compiles and emits; with analyzers, the compiler runs them on the same compilation (as csc does).
double Without()
{
    var watch = Stopwatch.StartNew();
    var emitted = Compile().Emit(Stream.Null);
    watch.Stop();
    return emitted.Success ? watch.Elapsed.TotalMilliseconds : throw new InvalidOperationException("the generated film does not compile");
}

double With()
{
    var watch = Stopwatch.StartNew();
    var analyzed = Compile().WithAnalyzers(analyzers);
    var emitted = analyzed.Compilation.Emit(Stream.Null);
    var diagnostics = analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    watch.Stop();
    return !emitted.Success || diagnostics.Any(d => d.Id.StartsWith("AD", StringComparison.Ordinal)) ? throw new InvalidOperationException("an analyzer failed") : watch.Elapsed.TotalMilliseconds;
}

for (var i = 0; i < 3; i++)
{
    Without();
    With();
}

var without = new List<double>();
var with = new List<double>();
for (var i = 0; i < rounds; i++)
{
    // Alternate, so drift on a shared machine hits both sides alike.
    without.Add(Without());
    with.Add(With());
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
Console.WriteLine(FormattableString.Invariant($"shots: {shots}, rounds: {rounds}"));
Console.WriteLine(FormattableString.Invariant($"compile without analyzers: median {Median(without):F1} ms"));
Console.WriteLine(FormattableString.Invariant($"compile with analyzers:    median {Median(with):F1} ms"));
Console.WriteLine(FormattableString.Invariant($"ratio: {Median(with) / Median(without):F2}x"));

static string GeneratedFilm(int count)
{
    var beats = new[] { "Setup", "Tension", "Decision", "Consequence" };
    var presets = new[] { "Shot.TightPortrait(ada)", "Shot.MediumAction(ada, \"crosses the room\")", "Shot.WideAmbience(\"a long hallway\", ada)", "Shot.ObjectDetail(\"paper on wood\")" };
    var durations = new[] { "3.5", "4.5", "4", "3" };
    var motions = new[] { "0.35", "0.45", "0.3", "0.25" };
    var text = new StringBuilder();
    text.Append("using CineForge;\npublic static class Generated\n{\n    public static Film Make()\n    {\n");
    text.Append("        var ada = Character.Sheet(\"Ada\").Face(\"forties, short grey hair\").Wardrobe(\"green wool coat\").Seed(11);\n");
    text.Append("        return Film.Titled(\"Generated\").Cast(ada)\n");
    text.Append("            .Charter(c => c.Light(LightDirection.Left, \"window light\"))\n");
    for (var i = 0; i < count; i++)
    {
        var k = i % 4;
        text.Append(CultureInfo.InvariantCulture, $"            .Shot({presets[k]}.Named(\"shot {i}\").Mission(Beat.{beats[i * 4 / count]}).Duration({durations[k]}).Motion({motions[k]}).Seed({i + 1}))\n");
    }

    text.Append("            .Grade(g => g.Exposure(0.1).SoftContrast(0.15).SecondarySkin().Harmonize().Grain(0.04))\n");
    text.Append("            .Sound(s => s.RoomTone().Effect(\"assets/paper.wav\", at: 12, lufs: -16))\n");
    text.Append("            .Export(e => e.Master().Web().Mobile());\n    }\n}\n");
    return text.ToString();
}
