using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using CineForge.Analyzers;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CineForge.CodeFixes.Motion;

/// <summary>
/// CF0201, CF0203, CF0204: brings the call's argument to the value the analyzer computed from the
/// catalog: a clip clamped to 5 s, 24 fps, motion clamped into the shot type's range.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceArgumentCodeFix)), Shared]
public sealed class ReplaceArgumentCodeFix : CineForgeCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0201, RuleIds.CF0203, RuleIds.CF0204);

    /// <inheritdoc />
    protected override SyntaxFix? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixHint.Replacement, out var replacement) || replacement is null
            || !double.TryParse(replacement, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList.Arguments.Count: > 0 } invocation
            || invocation.Expression is not MemberAccessExpressionSyntax member)
        {
            return null;
        }

        var title = RuleCatalog.Get(diagnostic.Id).Title + ": use " + member.Name.Identifier.ValueText + "(" + replacement + ")";
        return new SyntaxFix(title, nameof(ReplaceArgumentCodeFix) + diagnostic.Id, () =>
        {
            var argument = invocation.ArgumentList.Arguments[0].Expression;
            var literal = value == System.Math.Floor(value)
                ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(replacement, (int)value))
                : SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(replacement, value));
            return root.ReplaceNode(argument, literal.WithTriviaFrom(argument));
        });
    }
}
