using System.Reflection;
using CineForge.Rules;

namespace CineForge.Analyzers.Tests.Catalog;

/// <summary>Every catalog id has a descriptor, a release line, a test class and a generated docs page.</summary>
public sealed class CatalogCoverageTests
{
    public static TheoryData<string> CompileRules() => new(RuleCatalog.All.Where(r => r.Scope.HasFlag(RuleScope.Compile)).Select(r => r.Id));

    [Theory, MemberData(nameof(CompileRules))]
    public void Descriptor_ComesFromTheCatalog(string id)
    {
        var rule = RuleCatalog.Get(id);
        var descriptor = Descriptors.Get(id);

        Assert.Equal(rule.Title, descriptor.Title.ToString());
        Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
        Assert.Equal(rule.Category, descriptor.Category);
        Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        Assert.Equal(Descriptors.SeverityOf(rule.Severity), descriptor.DefaultSeverity);
        Assert.Single(CineForgeAnalyzers.All, a => a.SupportedDiagnostics.Any(d => d.Id == id));
    }

    [Theory, MemberData(nameof(CompileRules))]
    public void Rule_HasAReleaseLine(string id)
    {
        var rule = RuleCatalog.Get(id);
        var lines = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadAllLines(Repository.PathOf("src", "CineForge.Analyzers", f)))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length >= 3 && c[0] == id)
            .ToList();

        var line = Assert.Single(lines);
        Assert.Equal(rule.Category, line[1]);
        Assert.Equal(rule.Severity.ToString(), line[2]);
    }

    [Theory, MemberData(nameof(CompileRules))]
    public void Rule_HasATestClass(string id)
    {
        var family = RuleCatalog.Get(id).Family.ToString();
        var type = Assert.Single(typeof(CatalogCoverageTests).Assembly.GetTypes(), t => t.Name.StartsWith(id, StringComparison.Ordinal) && t.Name.EndsWith("Tests", StringComparison.Ordinal));

        Assert.Equal("CineForge.Analyzers.Tests." + family, type.Namespace);
        Assert.NotNull(type.GetField("Bad", BindingFlags.Public | BindingFlags.Static));
    }

    [Theory, MemberData(nameof(CompileRules))]
    public void Rule_HasAnUpToDateDocsPage(string id)
    {
        var rule = RuleCatalog.Get(id);
        var path = Repository.PathOf("docs", "rules", id + ".md");
        var expected = RulePage.Render(rule, BadExample(id));
        if (Environment.GetEnvironmentVariable("CINEFORGE_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{rule.DocPath} is missing: run CINEFORGE_WRITE_DOCS=1 dotnet test tests/CineForge.Analyzers.Tests");
        var page = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.StartsWith("# " + id + ": " + rule.Title + "\n", page, StringComparison.Ordinal);
        Assert.Contains("| Severity | " + rule.Severity + " |", page, StringComparison.Ordinal);
        Assert.Equal(expected, page);
    }

    /// <summary>Each asset rule's page: the line that names the file, what check prints for a broken one (as <c>AssetCheckTests</c> in the CLI tests pins it), and the fix.</summary>
    public static TheoryData<string, string, string, string> AssetRules() => new()
    {
        {
            RuleIds.CF0607,
            ".Grade(g => g.Exposure(+0.2).SoftContrast(0.15).SecondarySkin(0.4).Harmonize().Lut(\"looks/warm-morning.cube\", 0.3).Grain(0.04))",
            "film.csx(58,88): error CF0607: Film 'Morning Serum' names the LUT 'looks/warm-morning.cube', which is not a valid 3D .cube LUT (…: invalid LUT: …)",
            "// looks/warm-morning.cube: TITLE, LUT_3D_SIZE 17, then 17³ = 4913 rows of three numbers, red fastest"
        },
        {
            RuleIds.CF0705,
            ".Sound(s => s.RoomTone().Effect(\"assets/glass-tap.wav\", at: 1.2, lufs: -16).Effect(\"assets/cap-click.wav\", at: 26.5, lufs: -17))",
            "film.csx(59,88): error CF0705: Film 'Morning Serum' names the effect 'assets/cap-click.wav', which lasts 0.001 s, under the 0.1 s it needs",
            "// assets/cap-click.wav: the whole click (0.3 s), not its first 28 samples"
        },
    };

    [Theory, MemberData(nameof(AssetRules))]
    public void AssetRule_HasAnUpToDateDocsPage(string id, string line, string printed, string good)
    {
        var rule = RuleCatalog.Get(id);
        var path = Repository.PathOf("docs", "rules", id + ".md");
        var expected = RulePage.RenderAsset(rule, line, printed, good);
        if (Environment.GetEnvironmentVariable("CINEFORGE_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(RuleScope.Assets, rule.Scope);
        Assert.True(File.Exists(path), $"{rule.DocPath} is missing: run CINEFORGE_WRITE_DOCS=1 dotnet test tests/CineForge.Analyzers.Tests");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void EveryAssetRule_HasItsPageCase() =>
        Assert.Equal(RuleCatalog.All.Where(r => r.Scope == RuleScope.Assets).Select(r => r.Id), AssetRules().Select(row => (string)row[0]));

    [Fact]
    public void ReleaseFiles_ListNoUnknownId()
    {
        var ids = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadAllLines(Repository.PathOf("src", "CineForge.Analyzers", f)))
            .Select(l => l.Split('|')[0].Trim())
            .Where(c => c.StartsWith("CF", StringComparison.Ordinal));

        Assert.All(ids, id => Assert.True(RuleCatalog.Contains(id), id));
    }

    [Fact]
    public void HostEntryPoints_ListEveryAnalyzerAndCodeFix()
    {
        static IEnumerable<string> Concrete<T>(Assembly assembly) => assembly.GetTypes().Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName!).Order(StringComparer.Ordinal);

        Assert.Equal(Concrete<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(typeof(CineForgeAnalyzers).Assembly), CineForgeAnalyzers.All.Select(a => a.GetType().FullName!).Order(StringComparer.Ordinal));
        Assert.Equal(Concrete<Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider>(typeof(CineForge.CodeFixes.CineForgeCodeFixes).Assembly), CineForge.CodeFixes.CineForgeCodeFixes.All.Select(f => f.GetType().FullName!).Order(StringComparer.Ordinal));
        Assert.Equal(RuleCatalog.All.Count, CineForgeAnalyzers.All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count());
    }

    private static string BadExample(string id) =>
        (string)typeof(CatalogCoverageTests).Assembly.GetTypes().Single(t => t.Name.StartsWith(id, StringComparison.Ordinal) && t.Name.EndsWith("Tests", StringComparison.Ordinal))
            .GetField("Bad", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
