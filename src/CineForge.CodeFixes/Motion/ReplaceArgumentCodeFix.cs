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

namespace CineForge.CodeFixes.Motion;

/// <summary>
/// CF0201, CF0203, CF0204: brings the call's argument to the value the analyzer computed from the
/// catalog: a clip clamped to 5 s, 24 fps, motion clamped into the shot type's range.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceArgumentCodeFix)), Shared]
public sealed class ReplaceArgumentCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0201, RuleIds.CF0203, RuleIds.CF0204);

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
            if (!diagnostic.Properties.TryGetValue(FixHint.Replacement, out var replacement) || replacement is null
                || !double.TryParse(replacement, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList.Arguments.Count: > 0 } invocation
                || invocation.Expression is not MemberAccessExpressionSyntax member)
            {
                continue;
            }

            var argument = invocation.ArgumentList.Arguments[0].Expression;
            var literal = value == System.Math.Floor(value)
                ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(replacement, (int)value))
                : SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(replacement, value));
            var newRoot = root.ReplaceNode(argument, literal.WithTriviaFrom(argument));
            var title = RuleCatalog.Get(diagnostic.Id).Title + ": use " + member.Name.Identifier.ValueText + "(" + replacement + ")";
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), nameof(ReplaceArgumentCodeFix) + diagnostic.Id), diagnostic);
        }
    }
}
