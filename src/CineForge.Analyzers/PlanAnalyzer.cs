using System.Linq;
using System.Collections.Immutable;
using CineForge.Analyzers.Reading;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Analyzers;

/// <summary>
/// The shared shape of the family analyzers: find the ends of shot chains and the films of a file,
/// read them, and hand them to the family. Regular files are read through operation blocks, whose
/// operations the compiler has already bound for the build. A script's bare top-level statements
/// have no operation block, so script files are read through a semantic-model action instead: one
/// semantic query per outermost invocation, found by syntax.
/// </summary>
public abstract class PlanAnalyzer : DiagnosticAnalyzer
{
    private protected PlanAnalyzer(RuleFamily family) => SupportedDiagnostics = Descriptors.Of(family);

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        // A generated film (from a storyboard tool or a template) breaks the method as much as a typed one.
        // Analyzing generated code also spares the driver its search of the whole tree for generated-code
        // attributes on the first diagnostic, which on a 500-shot film cost a fifth of the analyzers' time.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PlanReader.For(start.Compilation) is { } reader)
            {
                start.RegisterOperationBlockAction(block => AnalyzeBlock(block, reader));
                start.RegisterSemanticModelAction(model => AnalyzeScript(model, reader));
            }
        });
    }

    /// <summary>True for families with shot-level rules (values set in a shot's chain).</summary>
    private protected virtual bool ReadsShots => false;

    /// <summary>True for families with film-level rules.</summary>
    private protected virtual bool ReadsFilms => false;

    private protected virtual void AnalyzeShot(ShotSite site)
    {
    }

    private protected virtual void AnalyzeFilm(FilmSite site)
    {
    }

    private void AnalyzeBlock(OperationBlockAnalysisContext context, PlanReader reader)
    {
        foreach (var block in context.OperationBlocks)
        {
            if (block.Syntax.SyntaxTree.Options.Kind == SourceCodeKind.Script || block.SemanticModel is not { } model)
            {
                continue;
            }

            Analyze(reader.Sites(block, model, context.CancellationToken), reader, new PlanScope(model, context.ReportDiagnostic, context.CancellationToken));
        }
    }

    private void AnalyzeScript(SemanticModelAnalysisContext context, PlanReader reader)
    {
        var model = context.SemanticModel;
        if (model.SyntaxTree.Options.Kind != SourceCodeKind.Script)
        {
            return;
        }

        var scope = new PlanScope(model, context.ReportDiagnostic, context.CancellationToken);
        var root = model.SyntaxTree.GetRoot(context.CancellationToken);
        foreach (var outermost in root.DescendantNodes(node => node is not InvocationExpressionSyntax).OfType<InvocationExpressionSyntax>())
        {
            if (model.GetOperation(outermost, context.CancellationToken) is { } operation)
            {
                Analyze(reader.Sites(operation, model, context.CancellationToken), reader, scope);
            }
        }
    }

    private void Analyze(ImmutableArray<PlanSite> sites, PlanReader reader, PlanScope scope)
    {
        foreach (var site in sites)
        {
            if (site.IsFilm && ReadsFilms)
            {
                AnalyzeFilm(new FilmSite(scope, reader, reader.Film(site.Invocation, scope.Model, scope.CancellationToken), site.Invocation.Syntax));
            }
            else if (!site.IsFilm && ReadsShots)
            {
                AnalyzeShot(new ShotSite(scope, reader, site.Invocation, site.Shot!));
            }
        }
    }

    /// <summary>Where a diagnostic about a call points: the method name and its arguments (<c>Duration(12)</c>), not the whole chain.</summary>
    internal static Location Locate(SyntaxNode node)
    {
        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return Location.Create(node.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
        }

        return node.GetLocation();
    }
}
