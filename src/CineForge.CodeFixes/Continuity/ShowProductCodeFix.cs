using System.Collections.Immutable;
using System.Composition;
using CineForge.Analyzers;
using CineForge.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CineForge.CodeFixes.Continuity;

/// <summary>
/// CF0305: shows the product's sheet where a shot described the product in its own words. An object
/// detail's text is replaced by the sheet (<c>Shot.ObjectDetail(serum)</c>), a medium action gets the
/// sheet beside its character (<c>Shot.MediumAction(mara, serum, "...")</c>), any other shot shows it
/// with <c>.Showing(serum)</c>. The analyzer names the sheet's variable; without one there is no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShowProductCodeFix)), Shared]
public sealed class ShowProductCodeFix : CineForgeCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.CF0305);

    /// <inheritdoc />
    protected override SyntaxFix? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixHint.Product, out var sheet) || sheet is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax shot)
        {
            return null;
        }

        var product = SyntaxFactory.IdentifierName(sheet);
        var title = "Show the product sheet: " + sheet;
        var preset = Preset(shot);
        var presetName = (preset?.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
        if (preset is { ArgumentList.Arguments.Count: 1 } && presetName == nameof(ShotType.ObjectDetail))
        {
            return new SyntaxFix(title, nameof(ShowProductCodeFix), () =>
                root.ReplaceNode(preset.ArgumentList.Arguments[0], SyntaxFactory.Argument(product).WithTriviaFrom(preset.ArgumentList.Arguments[0])));
        }

        if (preset is { ArgumentList.Arguments.Count: 2 } && presetName == nameof(ShotType.MediumAction))
        {
            return new SyntaxFix(title, nameof(ShowProductCodeFix), () =>
                root.ReplaceNode(preset.ArgumentList, preset.ArgumentList.WithArguments(preset.ArgumentList.Arguments.Insert(1, SyntaxFactory.Argument(product)))));
        }

        return new SyntaxFix(title, nameof(ShowProductCodeFix), () =>
        {
            var showing = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, shot.WithoutTrivia(), SyntaxFactory.IdentifierName("Showing")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(product))));
            return root.ReplaceNode(shot, showing.WithTriviaFrom(shot));
        });
    }

    /// <summary>The preset call a shot chain starts from (<c>Shot.ObjectDetail("...")</c>), or null when the chain starts elsewhere (a variable).</summary>
    private static InvocationExpressionSyntax? Preset(ExpressionSyntax shot)
    {
        var current = shot;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            if (member.Expression is IdentifierNameSyntax { Identifier.ValueText: "Shot" })
            {
                return invocation;
            }

            current = member.Expression;
        }

        return null;
    }
}
