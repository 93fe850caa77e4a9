using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CineForge.Analyzers.Reading;

/// <summary>
/// Follows a local (or a script's top-level variable, which compiles to a field) to the value it was
/// declared with, when it is assigned nowhere else: that is how a character sheet declared in one
/// statement is read in every shot that uses it.
/// </summary>
internal sealed class Variables
{
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<string>> assignedNames = new();

    public IOperation? InitialValue(IOperation reference, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = reference switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IFieldReferenceOperation { Field: { IsConst: false } field } when field.ContainingType.IsScriptClass => field,
            _ => null,
        };
        if (symbol is null || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = symbol.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree
            || declaration.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || AssignedNames(model.SyntaxTree, cancellationToken).Contains(symbol.Name))
        {
            return null;
        }

        return model.GetOperation(value, cancellationToken) is { } operation ? Ops.Strip(operation) : null;
    }

    /// <summary>True when some other expression extends the variable <paramref name="declarator"/> declares with a call of <paramref name="extensions"/>.</summary>
    public static bool IsExtendedElsewhere(VariableDeclaratorSyntax declarator, SemanticModel model, INamedTypeSymbol? extensions, CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
        if (symbol is null)
        {
            return false;
        }

        var name = declarator.Identifier.ValueText;
        foreach (var identifier in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == name
                && identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier
                && access.Parent is InvocationExpressionSyntax invocation
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                && SdkTypes.Is(method.ContainingType, extensions)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private HashSet<string> AssignedNames(SyntaxTree tree, CancellationToken cancellationToken) => assignedNames.GetOrAdd(tree, t =>
    {
        // Any assignment, increment or ref/out use of a name makes every variable of that name unknown: cheap and never wrong.
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in t.GetRoot(cancellationToken).DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None } argument => argument.Expression,
                _ => null,
            };
            if (target is IdentifierNameSyntax identifier)
            {
                names.Add(identifier.Identifier.ValueText);
            }
        }

        return names;
    });
}
