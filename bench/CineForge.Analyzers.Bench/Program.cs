// Compile time of a generated film, with and without the CineForge analyzers, in one process:
// the ratio is what the analyzers add to a check and to a build. Usage: dotnet run -c Release -- [shots] [rounds]
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
// CINEFORGE_ANALYZERS=<folder> measures the analyzer build in that folder instead of this one (to compare two builds).
var other = Environment.GetEnvironmentVariable("CINEFORGE_ANALYZERS");
var all = other is null
    ? CineForgeAnalyzers.All
    : new AnalyzerFileReference(Path.GetFullPath(Path.Combine(other, "CineForge.Analyzers.dll")), new FolderAnalyzerLoader(Path.GetFullPath(other))).GetAnalyzers(LanguageNames.CSharp);
var analyzers = all.Where(a => only is null || a.GetType().Name.StartsWith(only, StringComparison.Ordinal)).ToImmutableArray();
var source = GeneratedFilm(shots);
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Concat(new[] { typeof(Film).Assembly.Location, typeof(CineForge.Rules.RuleCatalog).Assembly.Location })
    .Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

CSharpCompilation Compile() => CSharpCompilation.Create("film", new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

// Three baselines, measured in the same run. "compiler": no analyzer at all. "driver": the compiler
// with its analyzer driver and one syntax-only analyzer (no semantic model). "SDK build": the driver with one analyzer that reads every
// invocation's operation, as the .NET SDK's default code analysis does in every build. "With" adds
// the CineForge analyzers to each.
var baselines = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
{
    ("compiler", ImmutableArray<DiagnosticAnalyzer>.Empty),
    ("driver", ImmutableArray.Create<DiagnosticAnalyzer>(new SyntaxNoOpAnalyzer())),
    ("SDK build", ImmutableArray.Create<DiagnosticAnalyzer>(new OperationNoOpAnalyzer())),
};

// Two measures of one compile. "analysis": compiler and analyzer diagnostics, what `cineforge check`
// and the IDE pay. "build": what the compiler does for `dotnet build`: emit the assembly (binding,
// lowering, IL) and run the analyzers, which bind again through their semantic models.
// Wall time and the process's CPU time: on a shared machine the CPU time (work done, all threads)
// is the steadier figure; the wall time is what a user waits.
(double Wall, double Cpu) Time(ImmutableArray<DiagnosticAnalyzer> set, bool build)
{
    var cpu = ProcessCpu.Now();
    var watch = Stopwatch.StartNew();
    var compilation = Compile();
    ImmutableArray<Diagnostic> diagnostics;
    if (build)
    {
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);
        diagnostics = set.IsEmpty ? emitted.Diagnostics : emitted.Diagnostics.AddRange(compilation.WithAnalyzers(set).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
    }
    else
    {
        diagnostics = set.IsEmpty ? compilation.GetDiagnostics() : compilation.WithAnalyzers(set).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
    }

    watch.Stop();
    var used = (ProcessCpu.Now() - cpu).TotalMilliseconds;
    return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("AD", StringComparison.Ordinal))
        ? throw new InvalidOperationException("the film does not compile, or an analyzer failed: " + diagnostics.First(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("AD", StringComparison.Ordinal)))
        : (watch.Elapsed.TotalMilliseconds, used);
}

Console.WriteLine(FormattableString.Invariant($"shots: {shots}, rounds: {rounds}, analyzers: {analyzers.Length} from {other ?? "this build"}, load average: {LoadAverage()}"));
Console.WriteLine("medians of the rounds; 'best' is the ratio of the fastest rounds, the figure least disturbed by other load");
foreach (var build in new[] { false, true })
{
    foreach (var (name, baseline) in baselines)
    {
        for (var i = 0; i < 3; i++)
        {
            Time(baseline, build);
            Time(baseline.AddRange(analyzers), build);
        }

        var without = new List<(double Wall, double Cpu)>();
        var with = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < rounds; i++)
        {
            // Alternate, so drift on a shared machine hits both sides alike.
            without.Add(Time(baseline, build));
            with.Add(Time(baseline.AddRange(analyzers), build));
        }

        var (wallWithout, wallWith) = (Median(without.Select(t => t.Wall)), Median(with.Select(t => t.Wall)));
        var (cpuWithout, cpuWith) = (Median(without.Select(t => t.Cpu)), Median(with.Select(t => t.Cpu)));
        var bestWall = with.Min(t => t.Wall) / without.Min(t => t.Wall);
        var bestCpu = with.Min(t => t.Cpu) / without.Min(t => t.Cpu);
        var measure = build ? "build" : "analysis";
        Console.WriteLine(FormattableString.Invariant($"{measure,-8} {name,-9}  wall {wallWithout,6:F1} -> {wallWith,6:F1} ms  {wallWith / wallWithout:F2}x (best {bestWall:F2}x)   cpu {cpuWithout,6:F1} -> {cpuWith,6:F1} ms  {cpuWith / cpuWithout:F2}x (best {bestCpu:F2}x)"));
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
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
