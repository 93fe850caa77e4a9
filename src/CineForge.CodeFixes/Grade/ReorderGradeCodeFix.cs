using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
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
public sealed class ReorderGradeCodeFix : CineForgeCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0601, RuleIds.CF0602, RuleIds.CF0606);

    /// <inheritdoc />
    protected override SyntaxFix? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<LambdaExpressionSyntax>() is not { ExpressionBody: { } body }
            || Steps(body) is not { } steps)
        {
            return null;
        }

        return new SyntaxFix("Grade in the method's order: " + GradeOrder.Describe(), nameof(ReorderGradeCodeFix), () => root.ReplaceNode(body, Reordered(steps).WithTriviaFrom(body)));
    }

    /// <summary>The steps of the chain in source order; null when the body is not a plain chain of two or more grade steps on the lambda's parameter.</summary>
    private static GradeChain? Steps(ExpressionSyntax body)
    {
        var steps = new List<GradeStep>();
        var current = body;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            if (!Enum.TryParse<GradeStepKind>(access.Name.Identifier.ValueText, out var kind))
            {
                return null;
            }

            steps.Add(new GradeStep(access.Name, invocation.ArgumentList, Rank(kind)));
            current = access.Expression;
        }

        if (current is not IdentifierNameSyntax parameter || steps.Count < 2)
        {
            return null;
        }

        steps.Reverse();
        return new GradeChain(parameter, steps);
    }

    /// <summary>The chain rebuilt with its steps sorted by rank (a stable sort: steps of one kind keep their order).</summary>
    private static ExpressionSyntax Reordered(GradeChain chain)
    {
        ExpressionSyntax rebuilt = chain.Parameter.WithoutTrivia();
        foreach (var step in chain.Steps.OrderBy(s => s.Rank))
        {
            rebuilt = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, rebuilt, step.Name.WithoutTrivia()),
                step.Arguments.WithoutTrivia());
        }

        return rebuilt;
    }

    // Primary steps by their place in the order; a LUT or look right after harmonization; anything else (sharpen) last.
    private static double Rank(GradeStepKind kind) =>
        GradeOrder.RankOf(kind) is var rank and >= 0 ? rank
        : GradeOrder.IsLook(kind) ? GradeOrder.RankOf(GradeStepKind.Harmonize) + 0.5
        : GradeOrder.Primary.Count;

    private sealed class GradeChain(IdentifierNameSyntax parameter, IReadOnlyList<GradeStep> steps)
    {
        public IdentifierNameSyntax Parameter { get; } = parameter;

        public IReadOnlyList<GradeStep> Steps { get; } = steps;
    }

    private sealed class GradeStep(SimpleNameSyntax name, ArgumentListSyntax arguments, double rank)
    {
        public SimpleNameSyntax Name { get; } = name;

        public ArgumentListSyntax Arguments { get; } = arguments;

        public double Rank { get; } = rank;
    }
}
