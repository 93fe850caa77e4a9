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
/// read them, and hand them to the family. Syntax-node actions (not operation actions) so that a
/// script's bare top-level statements, which have no operation block, are analyzed too.
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
                var fluent = reader.Types.FluentMethodNames();
                start.RegisterSyntaxNodeAction(node => Analyze(node, reader, fluent), SyntaxKind.InvocationExpression);
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

    private void Analyze(SyntaxNodeAnalysisContext context, PlanReader reader, System.Collections.Generic.HashSet<string> fluent)
    {
        // Most invocations of a film are links inside a chain (x.Duration(4) is the receiver of .Motion(...)):
        // skip them by syntax before asking for any semantic information.
        if (context.Node.Parent is MemberAccessExpressionSyntax access && access.Expression == context.Node
            && access.Parent is InvocationExpressionSyntax && fluent.Contains(access.Name.Identifier.ValueText))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        var returned = invocation.TargetMethod.ReturnType;
        if (ReadsShots && SdkTypes.Is(returned, reader.Types.Shot) && !IsReceiverOf(invocation, reader.Types.ShotExtensions))
        {
            AnalyzeShot(new ShotSite(context, reader, invocation));
        }
        else if (ReadsFilms && SdkTypes.Is(returned, reader.Types.Film) && !IsReceiverOf(invocation, reader.Types.FilmExtensions) && !IsExtendedVariable(context, reader))
        {
            AnalyzeFilm(new FilmSite(context, reader, reader.Film(invocation, context.SemanticModel, context.CancellationToken), invocation.Syntax));
        }
    }

    private static bool IsReceiverOf(IInvocationOperation invocation, INamedTypeSymbol? extensions) =>
        Ops.Parent(invocation) is IArgumentOperation { Parent: IInvocationOperation outer } argument
        && SdkTypes.Is(outer.TargetMethod.ContainingType, extensions)
        && outer.Arguments.Length > 0 && outer.Arguments[0] == argument;

    // A film declared in a variable that a later statement keeps extending is not finished yet:
    // its film-wide rules are checked where the extended film ends.
    private static bool IsExtendedVariable(SyntaxNodeAnalysisContext context, PlanReader reader)
    {
        SyntaxNode node = context.Node;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && Variables.IsExtendedElsewhere(declarator, context.SemanticModel, reader.Types.FilmExtensions, context.CancellationToken);
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
