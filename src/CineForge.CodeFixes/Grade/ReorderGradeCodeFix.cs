using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CineForge.CodeFixes.Grade;

/// <summary>
/// CF0601, CF0602, CF0606: rewrites the grade chain in the method's order (exposure → soft contrast →
/// secondary skin → harmonization → fine grain), with a LUT or look moved after harmonization, so
/// after exposure. Every step keeps its arguments; steps of the same kind keep their order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReorderGradeCodeFix)), Shared]
public sealed class ReorderGradeCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0601, RuleIds.CF0602, RuleIds.CF0606);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<LambdaExpressionSyntax>() is not { ExpressionBody: { } body }
                || Reordered(body) is not { } chain)
            {
                continue;
            }

            var newRoot = root.ReplaceNode(body, chain.WithTriviaFrom(body));
            context.RegisterCodeFix(CodeAction.Create("Grade in the method's order: " + GradeOrder.Describe(), _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), nameof(ReorderGradeCodeFix)), diagnostic);
        }
    }

    /// <summary>The chain with its steps sorted, or null when the body is not a plain chain of grade steps on the lambda's parameter.</summary>
    private static ExpressionSyntax? Reordered(ExpressionSyntax body)
    {
        var steps = new List<(SimpleNameSyntax Name, ArgumentListSyntax Arguments, double Rank)>();
        var current = body;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            if (!Enum.TryParse<GradeStepKind>(access.Name.Identifier.ValueText, out var kind))
            {
                return null;
            }

            steps.Add((access.Name, invocation.ArgumentList, Rank(kind)));
            current = access.Expression;
        }

        if (current is not IdentifierNameSyntax parameter || steps.Count < 2)
        {
            return null;
        }

        steps.Reverse();
        ExpressionSyntax chain = parameter.WithoutTrivia();
        foreach (var step in steps.OrderBy(s => s.Rank))
        {
            chain = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, chain, step.Name.WithoutTrivia()),
                step.Arguments.WithoutTrivia());
        }

        return chain;
    }

    // Primary steps by their place in the order; a LUT or look right after harmonization; anything else (sharpen) last.
    private static double Rank(GradeStepKind kind) =>
        GradeOrder.RankOf(kind) is var rank and >= 0 ? rank
        : GradeOrder.IsLook(kind) ? GradeOrder.RankOf(GradeStepKind.Harmonize) + 0.5
        : GradeOrder.Primary.Count;
}
