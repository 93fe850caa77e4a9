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
/// read them, and hand them to the family. A semantic-model action per file that finds invocations
/// by syntax (not operation actions), so that a script's bare top-level statements, which have no
/// operation block, are analyzed too.
/// </summary>
public abstract class PlanAnalyzer : DiagnosticAnalyzer
{
    private protected PlanAnalyzer(RuleFamily family) => SupportedDiagnostics = Descriptors.Of(family);

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (PlanReader.For(start.Compilation) is { } reader)
            {
                start.RegisterSemanticModelAction(model => Analyze(model, reader));
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

    private void Analyze(SemanticModelAnalysisContext context, PlanReader reader)
    {
        // One semantic query per outermost invocation (a whole film statement, a character sheet),
        // found by syntax; the chains inside it are found by walking its operation tree, which costs
        // far less than asking the semantic model about each link of each chain.
        var root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
        foreach (var outermost in root.DescendantNodes(node => node is not InvocationExpressionSyntax).OfType<InvocationExpressionSyntax>())
        {
            foreach (var site in reader.Sites(outermost, context.SemanticModel, context.CancellationToken))
            {
                if (site.IsFilm && ReadsFilms)
                {
                    AnalyzeFilm(new FilmSite(context, reader, reader.Film(site.Invocation, context.SemanticModel, context.CancellationToken), site.Invocation.Syntax));
                }
                else if (!site.IsFilm && ReadsShots)
                {
                    AnalyzeShot(new ShotSite(context, reader, site.Invocation));
                }
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
