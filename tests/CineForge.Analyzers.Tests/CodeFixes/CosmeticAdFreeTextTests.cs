using System.Collections.Immutable;
using CineForge.Analyzers.Tests.Verifiers;
using CineForge.CodeFixes.Continuity;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Analyzers.Tests.CodeFixes;

/// <summary>
/// Issue 21 on the example itself: examples/cosmetic-ad with its serum sheet is clean; the same film
/// with the old free-text descriptions of the bottle (the sheet still declared) gets CF0305 on each
/// shot that describes the serum in its own words, each with the code fix offered, and applying the
/// fixes leaves no CF0305.
/// </summary>
[Trait("Rule", "CF0305")]
public sealed class CosmeticAdFreeTextTests
{
    // The product shots as the example wrote them before the product sheet.
    private static readonly (string Sheet, string Words)[] OldShots =
    [
        ("Shot.ObjectDetail(serum).Action(\"a drop falling onto frosted glass\")", "Shot.ObjectDetail(\"serum drop falling onto frosted glass, amber glass dropper\")"),
        ("Shot.ObjectDetail(serum).Action(\"a fingertip spreading a clear drop on the back of a hand\")", "Shot.ObjectDetail(\"fingertip spreading clear serum on the back of a hand\")"),
        ("Shot.MediumAction(mara, serum, \"presses two drops onto her cheekbones\")", "Shot.MediumAction(mara, \"presses two drops of serum onto her cheekbones\")"),
        ("Shot.ObjectDetail(serum).Action(\"on the windowsill beside a nurse badge\")", "Shot.ObjectDetail(\"amber serum bottle on the windowsill beside a nurse badge\")"),
    ];

    [Fact]
    public async Task Example_WithItsSheet_HasNoProductFinding()
    {
        var example = Example();

        Assert.Empty(await ProductFindingsAsync(example));
    }

    [Fact]
    public async Task OldFreeText_ReportsCF0305OnEachShot_AndTheFixesClearIt()
    {
        var source = OldShots.Aggregate(Example(), (text, edit) => text.Contains(edit.Sheet, StringComparison.Ordinal) ? text.Replace(edit.Sheet, edit.Words, StringComparison.Ordinal) : throw new ArgumentException("The example no longer has " + edit.Sheet));

        var found = await ProductFindingsAsync(source);
        Assert.Equal(
            new[] { "Shot #1 'serum-drop'", "Shot #2 'texture'", "Shot #4 'applies-serum'", "Shot #7 'cta-bottle'" },
            found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(" describes ")[0]));

        // Fix each in turn, as a user accepting the light bulb would.
        for (var i = 0; i < found.Count; i++)
        {
            var diagnostic = (await ProductFindingsAsync(source))[0];
            var action = Assert.Single(await FixesAsync(source, diagnostic));
            Assert.Equal("Show the product sheet: serum", action.Title);
            source = await ApplyAsync(source, action);
        }

        Assert.Empty(await ProductFindingsAsync(source));
        Assert.Contains("Shot.ObjectDetail(serum).Named(\"serum-drop\")", source, StringComparison.Ordinal);
        Assert.Contains("Shot.MediumAction(mara, serum, \"presses two drops of serum onto her cheekbones\")", source, StringComparison.Ordinal);
    }

    private static string Example() =>
        string.Join("\n", File.ReadAllLines(Repository.PathOf("examples", "cosmetic-ad", "film.csx")).Where(l => !l.StartsWith("#r", StringComparison.Ordinal)));

    private static CSharpCompilation Compile(string source) => CSharpCompilation.CreateScriptCompilation(
        "film",
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script), path: "film.csx"),
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ImmutableArray.Create("System", "System.Linq", "System.Collections.Generic", "CineForge")));

    private static async Task<IReadOnlyList<Diagnostic>> ProductFindingsAsync(string source)
    {
        var compilation = Compile(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(CineForgeAnalyzers.All).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id is RuleIds.CF0305 or RuleIds.CF0306).OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    private static Document DocumentOf(string source)
    {
        var compilation = Compile(source);
        var tree = compilation.SyntaxTrees[0];
        var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution.AddProject("film", "film", LanguageNames.CSharp)
            .WithCompilationOptions(compilation.Options).WithParseOptions(tree.Options).WithMetadataReferences(compilation.References);
        return project.AddDocument("film.csx", tree.GetText(), filePath: "film.csx");
    }

    private static async Task<IReadOnlyList<CodeAction>> FixesAsync(string source, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(DocumentOf(source), diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new ShowProductCodeFix().RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<string> ApplyAsync(string source, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var document = solution.Projects.Single().Documents.Single();
        return (await document.GetTextAsync()).ToString();
    }
}
