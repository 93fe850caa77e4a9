using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using CineForge.Analyzers;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CineForge.CodeFixes.Keyframe;

/// <summary>CF0101: fixes a seed derived from the shot's name, so the same shot always gets the same number.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSeedCodeFix)), Shared]
public sealed class AddSeedCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0101);

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
            var seed = StableSeed.From(diagnostic.Properties.TryGetValue(FixHint.ShotName, out var name) ? name ?? ShotNames.Fallback : ShotNames.Fallback);
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seed));
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? replaced = null;
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Seed" }, ArgumentList.Arguments.Count: 1 } seedCall
                && seedCall.Span.End == diagnostic.Location.SourceSpan.End)
            {
                // A seed drawn at random: keep the call, fix its number.
                var argument = seedCall.ArgumentList.Arguments[0].Expression;
                replaced = root.ReplaceNode(argument, literal.WithTriviaFrom(argument));
            }
            else if (node is ExpressionSyntax shot)
            {
                var seeded = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, shot.WithoutTrivia(), SyntaxFactory.IdentifierName("Seed")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(literal))));
                replaced = root.ReplaceNode(shot, seeded.WithTriviaFrom(shot));
            }

            if (replaced is { } newRoot)
            {
                var title = "Fix the seed: .Seed(" + seed.ToString(CultureInfo.InvariantCulture) + ")";
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), nameof(AddSeedCodeFix)), diagnostic);
            }
        }
    }
}
