using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using CineForge.Analyzers;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CineForge.CodeFixes.Keyframe;

/// <summary>CF0101: fixes a seed derived from the shot's name, so the same shot always gets the same number.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSeedCodeFix)), Shared]
public sealed class AddSeedCodeFix : CineForgeCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0101);

    /// <inheritdoc />
    protected override SyntaxFix? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var seed = StableSeed.From(diagnostic.Properties.TryGetValue(FixHint.ShotName, out var name) ? name ?? ShotNames.Fallback : ShotNames.Fallback);
        var title = "Fix the seed: .Seed(" + seed.ToString(CultureInfo.InvariantCulture) + ")";
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seed));
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Seed" }, ArgumentList.Arguments.Count: 1 } seedCall
            && seedCall.Span.End == diagnostic.Location.SourceSpan.End)
        {
            // A seed drawn at random: keep the call, fix its number.
            var argument = seedCall.ArgumentList.Arguments[0].Expression;
            return new SyntaxFix(title, nameof(AddSeedCodeFix), () => root.ReplaceNode(argument, literal.WithTriviaFrom(argument)));
        }

        if (node is ExpressionSyntax shot)
        {
            return new SyntaxFix(title, nameof(AddSeedCodeFix), () =>
            {
                var seeded = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, shot.WithoutTrivia(), SyntaxFactory.IdentifierName("Seed")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(literal))));
                return root.ReplaceNode(shot, seeded.WithTriviaFrom(shot));
            });
        }

        return null;
    }
}
