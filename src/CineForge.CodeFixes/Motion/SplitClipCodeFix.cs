using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using CineForge.Analyzers;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CineForge.CodeFixes.Motion;

/// <summary>
/// CF0201: splits a clip over 5 s, placed in a film with <c>.Shot(...)</c>, into consecutive shots of
/// equal length: generate short segments and edit them. Each part after the first is renamed
/// ("waits-2") so its renders get their own files; the seed stays, for continuity across the cut.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitClipCodeFix)), Shared]
public sealed class SplitClipCodeFix : CineForgeCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0201);

    /// <inheritdoc />
    protected override SyntaxFix? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(FixHint.SplitParts, out var partsText) || !int.TryParse(partsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parts) || parts < 2
            || !properties.TryGetValue(FixHint.PartSeconds, out var seconds) || seconds is null
            || !properties.TryGetValue(FixHint.ShotName, out var name) || name is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList.Arguments.Count: 1 } durationCall
            || durationCall.FirstAncestorOrSelf<ArgumentSyntax>() is not { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Shot" } } placing } } argument)
        {
            return null;
        }

        var title = "Split into " + parts.ToString(CultureInfo.InvariantCulture) + " shots of " + seconds + " s";
        return new SyntaxFix(title, nameof(SplitClipCodeFix), () =>
        {
            var literal = SyntaxFactory.ParseExpression(seconds);
            var shortened = argument.Expression.ReplaceNode(durationCall.ArgumentList.Arguments[0].Expression, literal);
            ExpressionSyntax film = placing.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(shortened))));
            for (var part = 2; part <= parts; part++)
            {
                var renamed = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, shortened.WithoutTrivia(), SyntaxFactory.IdentifierName("Named")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name + "-" + part.ToString(CultureInfo.InvariantCulture)))))));
                film = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, film, SyntaxFactory.IdentifierName("Shot")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(renamed))));
            }

            return root.ReplaceNode(placing, film.WithTriviaFrom(placing));
        });
    }
}
