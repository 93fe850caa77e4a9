using System.Collections.Immutable;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Hosting.Tests;

/// <summary>A small analyzer for the host's seam: flags constant <c>Duration(x)</c> above the clip maximum as CF0201.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantClipTooLongTestAnalyzer : DiagnosticAnalyzer
{
    private static readonly Rule Rule = RuleCatalog.Get(RuleIds.CF0201);

    public static readonly DiagnosticDescriptor Descriptor = new(Rule.Id, Rule.Title, "{0}", Rule.Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: Rule.HelpLink);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        // Syntax actions, not operation actions: Roslyn runs no operation actions on a script's top-level code.
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.InvocationExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IInvocationOperation invocation
            && invocation.TargetMethod.Name == "Duration" && invocation.Arguments.Length == 2
            && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: var value } && Convert.ToDouble(value) > Recommended.MaxClipSeconds)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.Arguments[1].Syntax.GetLocation(), Rule.Format("the shot", value)));
        }
    }
}

public sealed class AnalyzerSeamTests
{
    [Fact]
    public void FromAssembly_FindsEveryCSharpAnalyzer()
    {
        var set = AnalyzerSet.FromAssembly(typeof(ConstantClipTooLongTestAnalyzer).Assembly);

        Assert.IsType<ConstantClipTooLongTestAnalyzer>(Assert.Single(set.Analyzers));
        Assert.Contains(typeof(ConstantClipTooLongTestAnalyzer).Assembly.ManifestModule.ModuleVersionId.ToString(), set.Fingerprint);
    }

    [Fact]
    public async Task AnalyzerDiagnostic_IsReportedAtItsSource_AndTheSameValidationRuleIsNotRepeated()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "return " + Scripts.Film(duration: 7) + ";\n");
        var analyzers = AnalyzerSet.FromAssembly(typeof(ConstantClipTooLongTestAnalyzer).Assembly);

        var result = await FilmScript.CheckAsync(path, new FilmCheckOptions { Cache = temp.Cache, Analyzers = analyzers });

        var tooLong = Assert.Single(result.Diagnostics, d => d.Id == RuleIds.CF0201);
        Assert.Equal(DiagnosticOrigin.Analyzer, tooLong.Origin);
        Assert.Equal(new SourceSpot(path, 4, 80), tooLong.Location);
        Assert.Equal(RuleCatalog.Get(RuleIds.CF0201).Format("the shot", 7), tooLong.Message);
        Assert.True(result.Ran, "an analyzer error does not stop validation: check reports everything at once");
        Assert.Contains(result.Diagnostics, d => d.Origin == DiagnosticOrigin.Validation && d.Id == RuleIds.CF0503);
    }

    [Fact]
    public async Task AnalyzerDiagnostics_AreCachedWithTheCompilation()
    {
        using var temp = new TempFolder();
        var path = temp.Write("film.csx", Scripts.Header + "return " + Scripts.Film(duration: 7) + ";\n");
        var options = new FilmCheckOptions { Cache = temp.Cache, Analyzers = AnalyzerSet.FromAssembly(typeof(ConstantClipTooLongTestAnalyzer).Assembly) };

        var cold = await FilmScript.CheckAsync(path, options);
        var warm = await FilmScript.CheckAsync(path, options);
        var withoutAnalyzers = await FilmScript.CheckAsync(path, options with { Analyzers = AnalyzerSet.None });

        Assert.True(warm.CompiledFromCache);
        Assert.Equal(cold.Diagnostics, warm.Diagnostics);
        Assert.False(withoutAnalyzers.CompiledFromCache, "another analyzer set is another cache entry");
    }
}
