using CineForge.Lsp.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CineForge.Lsp;

/// <summary>Completion after a dot: the DSL methods of the value (or type) before it, with the rules that check each.</summary>
internal static class DslCompletion
{
    /// <summary>The items at <paramref name="offset"/>, or null when the analysis is not of this text or nothing before the dot is a CineForge value.</summary>
    public static IReadOnlyList<CompletionItem>? After(FilmAnalysis analysis, string path, SourceText text, int offset, CancellationToken cancellationToken)
    {
        if (analysis.TreeOf(path) is not { } tree || analysis.Compilation is not { } compilation || !tree.GetText(cancellationToken).ContentEquals(text))
        {
            return null;
        }

        var token = tree.GetRoot(cancellationToken).FindToken(Math.Max(0, offset - 1));
        if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent?.Parent is MemberAccessExpressionSyntax { Name: var name } && name.Identifier == token)
        {
            token = token.GetPreviousToken();
        }

        if (!token.IsKind(SyntaxKind.DotToken) || token.Parent is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        var model = compilation.GetSemanticModel(tree);
        var position = access.OperatorToken.Span.End;
        IEnumerable<ISymbol> members;
        if (model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is INamedTypeSymbol type)
        {
            members = model.LookupStaticMembers(position, type);
        }
        else if (model.GetTypeInfo(access.Expression, cancellationToken).Type is { TypeKind: not TypeKind.Error } valueType)
        {
            members = model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true).Where(m => !m.IsStatic);
        }
        else
        {
            return null;
        }

        return members
            .OfType<IMethodSymbol>()
            // The DSL's own methods: not what a record or object brings (ToString, Equals, Deconstruct, ...).
            .Where(m => m.ContainingAssembly?.Name == "CineForge.Sdk" && m.DeclaredAccessibility == Accessibility.Public && m.CanBeReferencedByName
                && !m.IsImplicitlyDeclared && !m.IsOverride && m.MethodKind is MethodKind.Ordinary or MethodKind.ReducedExtension && m.Name is not ("Equals" or "GetHashCode" or "ToString" or "Deconstruct"))
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CompletionItem
            {
                Label = g.Key,
                Detail = g.First().ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                Documentation = RuleHelp.ForMethod(g.Key) is { } help ? MarkupContent.Markdown(help) : null,
            })
            .ToList();
    }
}
